import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PagedListView } from '../../../core/components/paged-list';
import { ROUTES } from '../../../core/routes';
import { ComplaintCard } from '../../components/complaint-card';
import { openComplaint, useComplaintList } from '../../use-complaint-list';

const NO_FILTER = {};

/** A resident's own reports, newest first, with status and red light. */
export default function MyComplaintsPage() {
  const list = useComplaintList(NO_FILTER);
  return (
    <View className="page">
      <Button className="button button--primary" onClick={() => void Taro.navigateTo({ url: ROUTES.complaintReport })}>
        我要反映问题
      </Button>
      <PagedListView list={list} emptyText="您还没有反映过问题" renderItem={(c) => <ComplaintCard key={c.id} complaint={c} onOpen={openComplaint} />} />
    </View>
  );
}
