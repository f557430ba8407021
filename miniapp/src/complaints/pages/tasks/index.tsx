import { Text, View } from '@tarojs/components';
import { FilteredComplaints } from '../../components/filtered-complaints';
import { TASK_FILTERS } from '../../filters';

/** A handling unit's tasks: matters dispatched to it; overdue ones carry the red light. */
export default function ComplaintTasksPage() {
  return (
    <View className="page">
      <Text className="page__title">我的任务</Text>
      <Text className="page__subtitle">派给本部门的事项：处置并反馈结果</Text>
      <FilteredComplaints filters={TASK_FILTERS} emptyText={(f) => (f.key === 'all' ? '还没有派给本部门的事项' : `没有「${f.label}」的事项`)} />
    </View>
  );
}
