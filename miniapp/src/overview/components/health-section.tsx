import { Text } from '@tarojs/components';
import { BarRows } from '../../core/components/charts/bar-rows';
import { HEALTH_SERIES, healthRows } from '../figures';
import { appealsLink } from '../links';
import type { OverviewData, OverviewState } from '../use-overview';
import { CsvButton, Section, Tiles } from './parts';

/** 随申码: residents by their code's colour now, per committee; the appeals still open. */
export function HealthSection({ data, state }: { data: OverviewData; state: OverviewState }) {
  const { totals, openAppeals } = data.overview.health;
  return (
    <Section title="随申码">
      <Tiles
        tiles={[
          { key: 'green', label: '绿码', value: String(totals.green), link: null },
          { key: 'yellow', label: '黄码', value: String(totals.yellow), link: null },
          { key: 'red', label: '红码', value: String(totals.red), alarm: totals.red > 0, link: null },
          { key: 'appeals', label: '待处理申诉', value: String(openAppeals), alarm: openAppeals > 0, link: appealsLink(data.viewer) },
        ]}
      />
      <BarRows title="各居委居民随申码（人）" series={HEALTH_SERIES} rows={healthRows(data.overview)} stacked emptyText="范围内还没有登记身份的居民" />
      <Text className="hint">按户籍登记所在居委会统计，颜色为此刻的随申码。</Text>
      <CsvButton table="health" state={state} />
    </Section>
  );
}
