import { Text } from '@tarojs/components';
import { BarRows } from '../../core/components/charts/bar-rows';
import { SHOP_GRADE_SERIES, shopRows, shopTiles } from '../figures';
import { openLink, type OverviewData, type OverviewState } from '../use-overview';
import { CsvButton, Section, Tiles } from './parts';

/** 街面秩序: shops by grade now, per committee; this week's inspections. Each figure opens the shops behind it. */
export function ShopsSection({ data, state }: { data: OverviewData; state: OverviewState }) {
  const o = data.overview;
  return (
    <Section title="街面秩序">
      <Tiles tiles={shopTiles(o, data.viewer)} />
      <BarRows title="各居委商户风险等级（家）" series={SHOP_GRADE_SERIES} rows={shopRows(o, openLink)} stacked emptyText="范围内还没有登记的商户" />
      <Text className="hint">等级为商户此刻的风险等级；本周巡查自本周一起计。</Text>
      <CsvButton table="shops" state={state} />
    </Section>
  );
}
