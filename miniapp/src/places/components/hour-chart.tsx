import { ColumnChart } from '../../core/components/charts/column-chart';

const SERIES = [{ name: '到访', tone: 'blue' as const }];

/** Visits per Shanghai hour, 0–23, as columns; the caption names only the hours with visits. */
export function HourChart({ perHour }: { perHour: readonly number[] }) {
  const busy = perHour.map((count, hour) => ({ count, hour })).filter((h) => h.count > 0);
  const caption = busy.length === 0 ? '每小时到访：暂无' : `每小时到访：${busy.map((h) => `${h.hour} 时 ${h.count} 人次`).join('、')}`;
  const groups = perHour.map((count, hour) => ({ key: String(hour), label: hour % 3 === 0 ? String(hour) : '', values: [count] }));
  return <ColumnChart title="每小时到访" series={SERIES} groups={groups} caption={caption} />;
}
