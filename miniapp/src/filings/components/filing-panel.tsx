import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { TimelineSteps } from '../../complaints/components/timeline-steps';
import { ErrorState, LoadingState } from '../../core/components/status';
import { filingAmendUrl, ROUTES } from '../../core/routes';
import { filingTimelineSteps } from '../timeline';
import { useFiling } from '../use-filing-lists';
import { CertificateCard } from './certificate-card';
import { DailyReportSection } from './daily-report-section';
import { FilingStatusTag, latestReportText } from './filing-card';
import { RosterList } from './roster-list';
import { RosterUpload } from './roster-upload';

/**
 * The enterprise's current filing: its status and what to do next — wait,
 * amend (with the reviewer's note), file again, or (approved) show the
 * certificate and send the daily report.
 */
export function FilingPanel({ filingId, shownAt }: { filingId: string; shownAt: number }) {
  const detail = useFiling(filingId);
  const { run } = detail;
  // Reload whenever the page shows again (after amending, for instance).
  useEffect(() => void run(), [run, shownAt]);
  const filing = detail.data;
  if (!filing) return detail.error ? <ErrorState error={detail.error} onRetry={run} /> : <LoadingState />;

  return (
    <View>
      <View className="card">
        <View className="card__head">
          <Text className="card__title">{filing.enterpriseName}</Text>
          <FilingStatusTag status={filing.status} />
        </View>
        <Text className="card__meta">{`${filing.creditCodeMasked} · 返岗 ${filing.rosterCount} 人`}</Text>
        {filing.status === 'submitted' && <Text className="card__meta">已提交，等待居委会审核</Text>}
        {filing.status === 'approved' && <Text className="card__meta">{latestReportText(filing.latestReport)}</Text>}
      </View>

      {filing.status === 'returned' && (
        <View>
          <Text className="filing-note">{`需要修改：${filing.returnNote ?? '请联系居委会了解需要修改的内容'}`}</Text>
          <Button className="button button--primary" onClick={() => void Taro.navigateTo({ url: filingAmendUrl(filing.id) })}>
            修改并重新提交
          </Button>
        </View>
      )}
      {filing.status === 'rejected' && (
        <View>
          <Text className="filing-note filing-note--red">{`未通过：${filing.rejectReason ?? '请联系居委会了解原因'}`}</Text>
          <Button className="button button--primary" onClick={() => void Taro.navigateTo({ url: ROUTES.filingsFile })}>
            重新填写备案
          </Button>
        </View>
      )}
      {filing.status === 'revoked' && (
        <View>
          <Text className="filing-note filing-note--red">{`备案已撤销：${filing.revokeReason ?? '请联系街道了解原因'}。复工证明与场所码已失效。`}</Text>
          <Button className="button button--primary" onClick={() => void Taro.navigateTo({ url: ROUTES.filingsFile })}>
            重新填写备案
          </Button>
        </View>
      )}
      {filing.status === 'submitted' && <RosterUpload filingId={filing.id} onAdded={() => void run()} />}
      {filing.status === 'approved' && (
        <View>
          <CertificateCard filingId={filing.id} />
          <DailyReportSection filingId={filing.id} missingToday={filing.missingToday} onReported={() => void run()} />
        </View>
      )}

      <Text className="section-title">返岗员工</Text>
      <RosterList roster={filing.roster} />
      <Text className="section-title">办理进度</Text>
      <TimelineSteps steps={filingTimelineSteps(filing.timeline)} />
    </View>
  );
}
