import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { ApiError } from '../../../core/api-error';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { useReloadOnShowAndPull } from '../../../core/page-events';
import { fetchComplaint } from '../../api';
import { ActionPanel } from '../../components/action-panel';
import { ComplaintOutcome, ComplaintSummary } from '../../components/complaint-summary';
import { TimelineSteps } from '../../components/timeline-steps';
import { timelineSteps } from '../../timeline';
import { useComplaintAction } from '../../use-complaint-action';

/** One matter for everyone who may see it: what, where, its history and the caller's next steps. */
export default function ComplaintDetailPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(
    () => (id ? fetchComplaint(id) : Promise.reject(new ApiError(0, 'NO_ID', '没有指定要查看的事项'))),
    [id],
  );
  const detail = useSignedInRequest(load);
  const action = useComplaintAction(id, detail.mutate, detail.run);
  useReloadOnShowAndPull(detail.run);

  const complaint = detail.data;
  if (!complaint) {
    return <View className="page">{detail.error ? <ErrorState error={detail.error} onRetry={detail.run} /> : <LoadingState />}</View>;
  }
  return (
    <View className="page">
      {detail.error && <ErrorState error={detail.error} onRetry={detail.run} />}
      <ComplaintSummary complaint={complaint} />
      <ComplaintOutcome complaint={complaint} />
      <ActionPanel complaint={complaint} action={action} />
      {action.error && <Text className="message--error">{action.error}</Text>}
      <Text className="section-title">办理进度</Text>
      <TimelineSteps steps={timelineSteps(complaint.timeline)} />
    </View>
  );
}
