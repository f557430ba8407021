import { Text, View } from '@tarojs/components';
import { Legend } from './legend';
import { largest, plain, share, summarize, type Series } from './scale';
import './charts.css';

// Plain Views with percentage widths, not a chart library: see column-chart.tsx.

export interface BarRow {
  key: string;
  label: string;
  /** One value per series. */
  values: readonly number[];
  /** Shown at the right of the label (e.g. a total). */
  note?: string;
  onTap?: () => void;
}

interface Props {
  title: string;
  series: readonly Series[];
  rows: readonly BarRow[];
  /**
   * Stacked: one bar per row, its series end to end, as long as the row's sum
   * relative to the largest sum (e.g. residents by code colour). Grouped: one
   * thin bar per series, relative to the largest value of all (e.g. stock vs
   * reserved vs picked up).
   */
  stacked?: boolean;
  format?: (value: number | null) => string;
  caption?: string;
  emptyText?: string;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Horizontal bars, one row per thing (a committee, a pharmacy, a status), grouped or stacked. */
export function BarRows({ title, series, rows, stacked = false, format = plain, caption, emptyText = '暂无数据' }: Props) {
  const top = stacked ? largest(rows.map((r) => sum(r.values))) : largest(rows.flatMap((r) => r.values));
  return (
    <View className="chart">
      <Text className="chart__title">{title}</Text>
      <Legend series={series} />
      {rows.length === 0 && <Text className="hint">{emptyText}</Text>}
      {rows.map((row) => (
        <View key={row.key} className={`chart__row${row.onTap ? ' chart__row--link' : ''}`} onClick={row.onTap}>
          <View className="chart__row-head">
            <Text className="chart__label">{row.label}</Text>
            {row.note !== undefined && <Text className="chart__note">{row.note}</Text>}
          </View>
          {stacked ? (
            <View className="chart__track chart__track--stacked">
              {series.map((s, i) => (
                <View key={s.name} className={`chart__segment chart__fill--${s.tone}`} style={{ width: share(row.values[i], top) }} />
              ))}
            </View>
          ) : (
            series.map((s, i) => (
              <View key={s.name} className="chart__line">
                <View className="chart__track">
                  <View className={`chart__bar chart__fill--${s.tone}`} style={{ width: share(row.values[i], top) }} />
                </View>
                <Text className="chart__value">{format(row.values[i] ?? null)}</Text>
              </View>
            ))
          )}
        </View>
      ))}
      {rows.length > 0 && <Text className="chart__caption">{caption ?? summarize(title, series, rows, format)}</Text>}
    </View>
  );
}
