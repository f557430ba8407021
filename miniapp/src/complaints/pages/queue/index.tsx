import { Text, View } from '@tarojs/components';
import { FilteredComplaints } from '../../components/filtered-complaints';
import { QUEUE_FILTERS } from '../../filters';

/** A cadre's queue: the committee's matters, those waiting for 受理 first. */
export default function ComplaintQueuePage() {
  return (
    <View className="page">
      <Text className="page__title">居民反映</Text>
      <Text className="page__subtitle">本居委会辖区内的事项：受理、研判、派单</Text>
      <FilteredComplaints filters={QUEUE_FILTERS} emptyText={(f) => (f.key === 'all' ? '辖区内还没有居民反映' : `没有「${f.label}」的事项`)} />
    </View>
  );
}
