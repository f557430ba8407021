import { Input, Text, View } from '@tarojs/components';
import { DateField } from '../../core/components/date-field';
import { FormFooter } from '../../core/components/form-footer';
import { ErrorState, LoadingState } from '../../core/components/status';
import { monthDayWords } from '../../core/time';
import { COUNT_DIGITS, NOTE_MAX, useDailyReports } from '../use-daily-reports';

const RECENT = 7;

/** The daily (zero) report of an approved filing: the form, then the latest reports with fever in red. */
export function DailyReportSection({ filingId, missingToday, onReported }: { filingId: string; missingToday: boolean; onReported?: () => void }) {
  const form = useDailyReports(filingId, onReported);
  const { draft, change, reports } = form;
  return (
    <View>
      <Text className="section-title">每日报告（每天 10:00 前）</Text>
      {missingToday && !form.reportedToday && <Text className="filing-note">今天还没有报告，请在 10:00 前完成（无异常也请报告）。</Text>}
      <View className="card">
        <Text className="hint">报告日期</Text>
        <DateField value={draft.date} end={form.today} onChange={(date) => change({ date })} />
        <Input className="field" type="number" placeholder="今日在岗人数" value={draft.onSite} maxlength={COUNT_DIGITS} onInput={(e) => change({ onSite: e.detail.value })} />
        <Input className="field" type="number" placeholder="发热人数（没有填 0）" value={draft.feverCases} maxlength={COUNT_DIGITS} onInput={(e) => change({ feverCases: e.detail.value })} />
        <Input className="field" placeholder="备注（选填）" value={draft.note} maxlength={NOTE_MAX} onInput={(e) => change({ note: e.detail.value })} />
        <FormFooter problems={form.problems} error={form.error} label="提交今日报告" busy={form.busy} onSubmit={() => void form.submit()} />
      </View>

      <Text className="section-title">最近的报告</Text>
      {reports.error && <ErrorState error={reports.error} onRetry={reports.run} />}
      {!reports.data && !reports.error && <LoadingState />}
      {reports.data && (
        <View className="card">
          {reports.data.length === 0 && <Text className="hint">还没有报告</Text>}
          {reports.data.slice(0, RECENT).map((report) => (
            <View key={report.id} className={`report-line${report.feverCases > 0 ? ' report-line--fever' : ''}`}>
              <Text>{monthDayWords(report.date)}</Text>
              <Text>{`在岗 ${report.onSite} 人 · 发热 ${report.feverCases} 人`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
