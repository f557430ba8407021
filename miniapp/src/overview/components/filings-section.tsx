import { Text, View } from '@tarojs/components';
import { BarRows } from '../../core/components/charts/bar-rows';
import { daysText, FILING_SERIES, filingRows } from '../figures';
import { filingLink, filingListLink } from '../links';
import { openLink, type OverviewData, type OverviewState } from '../use-overview';
import { CsvButton, Section, Tiles } from './parts';

/** 企业复工备案: filings by status, how long a decision takes, who has not reported today. */
export function FilingsSection({ data, state }: { data: OverviewData; state: OverviewState }) {
  const o = data.overview;
  const { missingReportsToday, medianDaysToDecision } = o.filings;
  return (
    <Section title="企业复工备案">
      <BarRows title="备案状态（件）" series={FILING_SERIES} rows={filingRows(o, data.viewer, openLink)} />
      <Tiles
        tiles={[
          { key: 'decision', label: '提交到审结（中位）', value: daysText(medianDaysToDecision), link: filingListLink(o.scope, data.viewer, 'all') },
          { key: 'missing', label: '今日未报告', value: String(missingReportsToday.length), alarm: missingReportsToday.length > 0, link: filingListLink(o.scope, data.viewer, 'approved') },
        ]}
      />
      <Text className="section-title">今日 10:00 前未报告的企业</Text>
      {missingReportsToday.length === 0 ? (
        <Text className="hint">今日没有缺报的企业</Text>
      ) : (
        <View className="card">
          {missingReportsToday.map((f) => (
            <View key={f.id} className="row" onClick={() => openLink(filingLink(f.id))}>
              <Text className="overview-link">{f.enterpriseName}</Text>
              <Text className="row__label">{f.committeeName}</Text>
            </View>
          ))}
        </View>
      )}
      <CsvButton table="filings" state={state} />
    </Section>
  );
}
