import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { useSignedInRequest } from '../../../accounts/use-signed-in-request';
import { TimelineSteps } from '../../../complaints/components/timeline-steps';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { useReloadOnShowAndPull } from '../../../core/page-events';
import { fetchOrg } from '../../../org/api';
import { CertificateCard } from '../../components/certificate-card';
import { FilingStatusTag, latestReportText, TodayFlags } from '../../components/filing-card';
import { FilingFacts } from '../../components/filing-facts';
import { ReviewPanel } from '../../components/review-panel';
import { RosterList } from '../../components/roster-list';
import { filingTimelineSteps } from '../../timeline';
import { useFiling } from '../../use-filing-lists';
import { useFilingReview } from '../../use-filing-review';
import '../../filings.css';

/** One filing for its reviewers: what was filed, the roster's colours, the history, and the decision. */
export default function FilingDetailPage() {
  const id = useRouter().params.id ?? '';
  const detail = useFiling(id);
  const review = useFilingReview(id, detail.data?.revision, detail.mutate, detail.run);
  useReloadOnShowAndPull(detail.run);
  const org = useSignedInRequest(fetchOrg);
  const { run: loadOrg } = org;
  useEffect(() => void loadOrg(), [loadOrg]);

  const filing = detail.data;
  if (!filing) {
    return <View className="page">{detail.error ? <ErrorState error={detail.error} onRetry={detail.run} /> : <LoadingState />}</View>;
  }
  const committeeName = org.data?.committees.find((c) => c.id === filing.committeeId)?.name;
  return (
    <View className="page">
      {detail.error && <ErrorState error={detail.error} onRetry={detail.run} />}
      <View className="card">
        <View className="card__head">
          <Text className="card__title">{filing.enterpriseName}</Text>
          <FilingStatusTag status={filing.status} />
        </View>
        {filing.status === 'approved' && <Text className="card__meta">{latestReportText(filing.latestReport)}</Text>}
        <TodayFlags filing={filing} />
      </View>
      {filing.status === 'returned' && filing.returnNote && <Text className="filing-note">{`已退回修改：${filing.returnNote}`}</Text>}
      {filing.status === 'rejected' && filing.rejectReason && <Text className="filing-note filing-note--red">{`未通过：${filing.rejectReason}`}</Text>}

      <ReviewPanel filing={filing} review={review} />
      {review.error && <Text className="message--error">{review.error}</Text>}

      <Text className="section-title">返岗员工</Text>
      <RosterList roster={filing.roster} />
      <FilingFacts filing={filing} committeeName={committeeName} />
      {filing.status === 'approved' && <CertificateCard filingId={filing.id} />}
      <Text className="section-title">办理进度</Text>
      <TimelineSteps steps={filingTimelineSteps(filing.timeline)} />
    </View>
  );
}
