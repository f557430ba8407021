import { Text, View } from '@tarojs/components';
import { monthDayWords } from '../../core/time';
import type { FilingStatus, FilingSummary } from '../api';
import { STATUS_LABELS, STATUS_TAGS } from '../words';

export const FilingStatusTag = ({ status }: { status: FilingStatus }) => <Text className={`tag ${STATUS_TAGS[status]}`}>{STATUS_LABELS[status]}</Text>;

/** Today's warnings of an approved filing: no report yet (after 10:00) and fever cases. */
export function TodayFlags({ filing }: { filing: Pick<FilingSummary, 'status' | 'missingToday' | 'feverToday' | 'latestReport'> }) {
  if (!filing.missingToday && !filing.feverToday) return null;
  const fever = filing.latestReport?.feverCases ?? 0;
  return (
    <View className="filing-flags">
      {filing.missingToday && <Text className="filing-flag filing-flag--missing">今日未报告（10:00 前应报）</Text>}
      {filing.feverToday && <Text className="filing-flag">{fever > 0 ? `今日发热 ${fever} 人` : '今日有发热'}</Text>}
    </View>
  );
}

export function latestReportText(report: FilingSummary['latestReport']): string {
  if (!report) return '尚无每日报告';
  return `${monthDayWords(report.date)}：在岗 ${report.onSite} 人，发热 ${report.feverCases} 人`;
}

/** One filing in a list: who, its status, roster size, the latest daily report, today's flags. */
export function FilingCard({ filing, onOpen }: { filing: FilingSummary; onOpen?: (id: string) => void }) {
  const alert = filing.missingToday || filing.feverToday;
  return (
    <View className={`card${alert ? ' filing-card--alert' : ''}`} onClick={onOpen ? () => onOpen(filing.id) : undefined}>
      <View className="card__head">
        <Text className="card__title">{filing.enterpriseName}</Text>
        <FilingStatusTag status={filing.status} />
      </View>
      <Text className="card__meta">{`${filing.creditCodeMasked} · 返岗 ${filing.rosterCount} 人 · ${monthDayWords(filing.reopenDate)}复工`}</Text>
      {filing.status === 'approved' && <Text className="card__meta">{latestReportText(filing.latestReport)}</Text>}
      {filing.status === 'approved' && <TodayFlags filing={filing} />}
    </View>
  );
}
