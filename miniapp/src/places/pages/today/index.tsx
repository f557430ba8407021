import { Text, View } from '@tarojs/components';
import { DateField } from '../../../core/components/date-field';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { formatShanghai } from '../../../core/time';
import { HourChart } from '../../components/hour-chart';
import { VisitRow } from '../../components/visit-row';
import { noPlaceYet } from '../../no-place';
import { usePlaceVisits } from '../../use-place-visits';
import { NO_PLACE_YET } from '../../words';
import '../../places.css';

/** Only the time of day: the page is one day's. */
const timeOfDay = (at: string) => formatShanghai(at, { seconds: true }).slice(11);

/** 今日到访: who scanned in at the place today, their colour and the time; non-green arrivals flagged. */
export default function PlaceVisitsPage() {
  const visits = usePlaceVisits();
  const { data } = visits;

  if (!data) {
    if (noPlaceYet(visits.error)) return <View className="page"><EmptyState text={NO_PLACE_YET} /></View>;
    return <View className="page">{visits.error ? <ErrorState error={visits.error} onRetry={visits.run} /> : <LoadingState />}</View>;
  }
  // `total` counts the whole day; `items` may be only the newest of them.
  const total = data.total ?? data.items.length;
  return (
    <View className="page">
      <Text className="page__title">{data.place.name}</Text>
      <DateField value={visits.date} end={visits.today} onChange={visits.setDate} />
      {visits.error && <ErrorState error={visits.error} onRetry={visits.run} />}
      <Text className="page__subtitle">{`${data.date} 共 ${total} 人次到访`}</Text>
      {total > data.items.length && <Text className="hint">{`下方只列出最近的 ${data.items.length} 人次；每小时人次含全部到访。`}</Text>}
      {data.flagged > 0 && <Text className="message--error">{`其中 ${data.flagged} 人次非绿码，已标出`}</Text>}
      <HourChart perHour={data.perHour} />
      {data.items.length === 0 ? (
        <EmptyState text="这一天还没有人扫码到访" />
      ) : (
        <View className="card">
          {data.items.map((visit) => (
            <VisitRow key={visit.visitId} title={visit.nameMasked} when={timeOfDay(visit.at)} color={visit.color} allowed={visit.allowed} flagged={visit.color !== 'green'} />
          ))}
        </View>
      )}
    </View>
  );
}
