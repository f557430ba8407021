import { Text, View } from '@tarojs/components';
import { percentText, share } from './scale';
import './charts.css';

// Plain Views with percentage widths, not a chart library: see column-chart.tsx.

interface Props {
  label: string;
  /** 0–1, null when there is nothing to measure yet. */
  rate: number | null;
  /** 0–1, drawn as a mark across the track. */
  target: number;
  /** The counts behind the rate, e.g. "45/50 件". */
  detail: string;
  onTap?: () => void;
}

/** How far a rate is from its target, in words. */
export function targetVerdict(rate: number | null, target: number): string {
  if (rate === null) return '暂无数据';
  if (rate >= target) return '已达标';
  const gap = Math.round((target - rate) * 1000) / 10;
  return `低于目标 ${gap} 个百分点`;
}

/** A rate as a bar against its target (e.g. first-time success against the city's 90%). */
export function TargetBar({ label, rate, target, detail, onTap }: Props) {
  const met = rate !== null && rate >= target;
  const verdict = targetVerdict(rate, target);
  return (
    <View className={`chart chart--target${onTap ? ' chart__row--link' : ''}`} onClick={onTap}>
      <View className="chart__row-head">
        <Text className="chart__label">{label}</Text>
        <Text className={`chart__big${met ? ' chart__big--met' : rate === null ? '' : ' chart__big--short'}`}>{percentText(rate)}</Text>
      </View>
      <View className="chart__track chart__track--target">
        <View className={`chart__bar chart__fill--${met ? 'green' : 'orange'}`} style={{ width: share(rate, 1) }} />
        <View className="chart__target" style={{ left: share(target, 1) }} />
      </View>
      <Text className="chart__caption">{`${label} ${percentText(rate)}（${detail}），目标 ${percentText(target)}，${verdict}`}</Text>
    </View>
  );
}
