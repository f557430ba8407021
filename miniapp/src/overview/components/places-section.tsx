import { Text } from '@tarojs/components';
import { OVERVIEW_CASE_DAYS } from '@sqtb/shared';
import { BarRows } from '../../core/components/charts/bar-rows';
import { placeCommitteeRows, placeDayRows, placeTiles, VISIT_SERIES } from '../place-figures';
import type { OverviewData, OverviewState } from '../use-overview';
import { CsvButton, Section, Tiles } from './parts';

/** 场所码: visits per day and per committee (refused apart), and close-contact candidates awaiting a decision. */
export function PlacesSection({ data, state }: { data: OverviewData; state: OverviewState }) {
  const o = data.overview;
  const days = o.places.days.length;
  return (
    <Section title="场所码">
      <Tiles tiles={placeTiles(o, data.viewer)} />
      <BarRows title="每日场所到访（人次）" series={VISIT_SERIES} rows={placeDayRows(o)} stacked />
      <BarRows title={`各居委场所到访（近 ${days} 日，人次）`} series={VISIT_SERIES} rows={placeCommitteeRows(o)} stacked emptyText="范围内没有居委会" />
      <Text className="hint">{`按场所所在居委会统计；同一人同一小时在同一场所多次扫码计一次到访。非绿码拒入为扫码时随申码非绿色的到访。密接候选为近 ${OVERVIEW_CASE_DAYS} 日确诊病例尚未确认或排除的候选人，在健康管理的病例状态中处理。`}</Text>
      <CsvButton table="places" state={state} />
    </Section>
  );
}
