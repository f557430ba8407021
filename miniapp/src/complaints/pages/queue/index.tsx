import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { FilteredComplaints } from '../../components/filtered-complaints';
import { QUEUE_FILTERS } from '../../filters';

/** A query value as text: WeChat hands it over still percent-encoded, H5 already decoded. */
const decoded = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * A cadre's queue: the committee's matters, those waiting for 受理 first. A link
 * (e.g. from the overview) may choose the filter with `?status=` or
 * `?overdue=true`, and narrow district staff's list with `?committeeId=`
 * (named by `committeeName`).
 */
export default function ComplaintQueuePage() {
  const { params } = useRouter();
  const initialKey = params.overdue === 'true' ? 'overdue' : (params.status ?? (params.committeeId ? 'all' : undefined));
  const committeeName = params.committeeName ? decoded(params.committeeName) : undefined;
  return (
    <View className="page">
      <Text className="page__title">居民反映</Text>
      <Text className="page__subtitle">{committeeName ? `${committeeName}辖区内的事项` : '本居委会辖区内的事项：受理、研判、派单'}</Text>
      <FilteredComplaints
        filters={QUEUE_FILTERS}
        initialKey={initialKey}
        within={params.committeeId ? { committeeId: params.committeeId } : undefined}
        emptyText={(f) => (f.key === 'all' ? '辖区内还没有居民反映' : `没有「${f.label}」的事项`)}
      />
    </View>
  );
}
