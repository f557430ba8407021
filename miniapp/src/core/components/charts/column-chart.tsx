import { Text, View } from '@tarojs/components';
import { Legend } from './legend';
import { largest, plain, share, summarize, type Series } from './scale';
import './charts.css';

/*
 * The charts are plain Views sized with CSS percentages, not a chart library:
 * the same markup renders on weapp and H5 and in the tests (jsdom and
 * miniprogram-simulate), with no canvas and nothing added to the package.
 * echarts-for-weixin would need its native ec-canvas component and about 1 MB
 * of script, against WeChat's 2 MB limit for the main package; bars and a
 * target mark are all the overview draws. Every chart carries its numbers as a
 * caption, readable by screen readers and by people who would rather read.
 */

export interface ColumnGroup {
  key: string;
  /** Under the columns (e.g. a week's Monday). */
  label: string;
  /** One value per series; null draws nothing (nothing to measure). */
  values: ReadonlyArray<number | null>;
  onTap?: () => void;
}

interface Props {
  title: string;
  series: readonly Series[];
  groups: readonly ColumnGroup[];
  /** The value of a full-height column; the largest value by default (1 for rates). */
  max?: number;
  format?: (value: number | null) => string;
  /** Words for the caption instead of the generated summary. */
  caption?: string;
}

/** Vertical columns, one per series side by side in each group (e.g. received vs closed, per week). */
export function ColumnChart({ title, series, groups, max, format = plain, caption }: Props) {
  const top = max ?? largest(groups.flatMap((g) => g.values));
  return (
    <View className="chart">
      <Text className="chart__title">{title}</Text>
      <Legend series={series} />
      {groups.length === 0 ? (
        <Text className="hint">暂无数据</Text>
      ) : (
        <View className="chart__plot">
          {groups.map((group) => (
            <View key={group.key} className={`chart__group${group.onTap ? ' chart__group--link' : ''}`} onClick={group.onTap}>
              <View className="chart__columns">
                {series.map((s, i) => (
                  <View key={s.name} className={`chart__column chart__fill--${s.tone}`} style={{ height: share(group.values[i], top) }} />
                ))}
              </View>
              <Text className="chart__tick">{group.label}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className="chart__caption">{caption ?? summarize(title, series, groups.map((g) => ({ label: g.label, values: g.values })), format)}</Text>
    </View>
  );
}
