import { Text } from '@tarojs/components';
import { BarRows } from '../../core/components/charts/bar-rows';
import { formatShanghai } from '../../core/time';
import { PHARMACY_SERIES, pharmacyRows } from '../figures';
import { maskReviewLink } from '../links';
import type { OverviewData, OverviewState } from '../use-overview';
import { CsvButton, FigureTable, Section, Tiles } from './parts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** 口罩: the latest round's stock per pharmacy against what became of it; what waits for review. */
export function MasksSection({ data, state }: { data: OverviewData; state: OverviewState }) {
  const { round, pendingReviews } = data.overview.masks;
  const registrations = maskReviewLink('registrations');
  const reservations = maskReviewLink('reservations');
  const rows = pendingReviews.map((c) => ({
    key: c.committeeId,
    name: c.committeeName,
    cells: [
      { value: String(c.registrations), link: registrations },
      { value: String(c.reservations), link: reservations },
    ],
  }));
  return (
    <Section title="口罩预约">
      <Text className={`round ${round?.open ? 'round--open' : 'round--closed'}`}>
        {round
          ? `${round.name} · ${round.open ? '进行中' : '已结束'} · ${formatShanghai(round.opensAt, { short: true })} 至 ${formatShanghai(round.closesAt, { short: true })}`
          : '还没有开放过预约轮次'}
      </Text>
      <BarRows title="本轮各药店库存与预约（盒）" series={PHARMACY_SERIES} rows={pharmacyRows(data.overview)} emptyText="本轮没有投放库存的药店" />
      <CsvButton table="masks" state={state} />

      <Text className="section-title">待居委审核</Text>
      <Tiles
        tiles={[
          { key: 'registrations', label: '家庭登记待审核', value: String(sum(pendingReviews.map((c) => c.registrations))), link: registrations },
          { key: 'reservations', label: '口罩预约待审核', value: String(sum(pendingReviews.map((c) => c.reservations))), link: reservations },
        ]}
      />
      <FigureTable head="居委会" columns={['家庭登记', '口罩预约']} rows={rows} emptyText="范围内没有居委会" />
      <CsvButton table="mask-reviews" state={state} />
    </Section>
  );
}
