import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { FilteredComplaints } from '../../components/filtered-complaints';
import { QUEUE_FILTERS } from '../../filters';
import type { ComplaintFilter } from '../../api';

/** A query value as text: WeChat hands it over still percent-encoded, H5 already decoded. */
const decoded = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Shanghai dates as "3/2". */
const shortDate = (date: string) => date.slice(5).split('-').map(Number).join('/');

/** What a link narrowed the list to, in words: "潍坊一村居委会辖区内的事项 · 3/2–3/8 收到 · 已结案（含归档）". */
function narrowedTo(params: Record<string, string | undefined>): string | undefined {
  const name = params.committeeName ?? params.streetName;
  const area = params.outside === 'true' ? '不在任何居委范围内的事项（区直管）' : name ? `${decoded(name)}辖区内的事项` : undefined;
  const received =
    params.receivedFrom || params.receivedTo
      ? `${params.receivedFrom ? shortDate(params.receivedFrom) : ''}–${params.receivedTo ? shortDate(params.receivedTo) : '今'} 收到`
      : undefined;
  const parts = [area, received, params.closed === 'true' ? '已结案（含归档）' : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * A cadre's queue: the committee's matters, those waiting for 受理 first. A link
 * (e.g. from the overview) may choose the filter with `?status=` or
 * `?overdue=true`, and narrow the list with `committeeId` or `streetId`
 * (district staff; named by `committeeName`/`streetName`), `closed=true` and
 * `receivedFrom`/`receivedTo`.
 */
export default function ComplaintQueuePage() {
  const { params } = useRouter();
  const within: ComplaintFilter = {
    committeeId: params.committeeId,
    streetId: params.streetId,
    outside: params.outside === 'true' ? 'true' : undefined,
    closed: params.closed === 'true' ? 'true' : undefined,
    receivedFrom: params.receivedFrom,
    receivedTo: params.receivedTo,
  };
  const narrowed = Object.values(within).some(Boolean);
  const initialKey = params.overdue === 'true' ? 'overdue' : (params.status ?? (narrowed ? 'all' : undefined));
  const subtitle = narrowedTo(params);
  return (
    <View className="page">
      <Text className="page__title">居民反映</Text>
      <Text className="page__subtitle">{subtitle ?? '本居委会辖区内的事项：受理、研判、派单'}</Text>
      <FilteredComplaints
        filters={QUEUE_FILTERS}
        initialKey={initialKey}
        within={narrowed ? within : undefined}
        emptyText={(f) => (f.key === 'all' ? (narrowed ? '没有符合条件的事项' : '辖区内还没有居民反映') : `没有「${f.label}」的事项`)}
      />
    </View>
  );
}
