import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MY_VISITS_DAYS } from '@sqtb/shared';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { useReloadOnShowAndPull } from '../../../core/page-events';
import { formatShanghai } from '../../../core/time';
import { fetchMyVisits } from '../../api';
import { VisitRow } from '../../components/visit-row';
import { PLACE_ROUTES } from '../../routes';
import '../../places.css';

/** 我的到访: the places the resident scanned in at over the last 14 days, newest first (as the BFF sends them). */
export default function MyVisitsPage() {
  const visits = useSignedInRequest(fetchMyVisits);
  useReloadOnShowAndPull(visits.run);

  if (!visits.data) return <View className="page">{visits.error ? <ErrorState error={visits.error} onRetry={visits.run} /> : <LoadingState />}</View>;
  const { items } = visits.data;
  return (
    <View className="page">
      <Text className="page__subtitle">{`近 ${MY_VISITS_DAYS} 天扫场所码的记录，时间为北京时间；更早的记录不再保留。`}</Text>
      {visits.error && <ErrorState error={visits.error} onRetry={visits.run} />}
      {items.length === 0 ? (
        <EmptyState text={`近 ${MY_VISITS_DAYS} 天没有到访记录`} />
      ) : (
        <View className="card">
          {items.map((visit) => (
            <VisitRow key={visit.visitId} title={visit.place.name} when={formatShanghai(visit.at)} color={visit.color} allowed={visit.allowed} />
          ))}
        </View>
      )}
      <Button className="button button--plain" onClick={() => void Taro.navigateTo({ url: PLACE_ROUTES.scan })}>
        扫场所码
      </Button>
    </View>
  );
}
