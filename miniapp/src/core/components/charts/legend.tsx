import { Text, View } from '@tarojs/components';
import type { Series } from './scale';

/** Which colour is which series (shown only when there is more than one). */
export function Legend({ series }: { series: readonly Series[] }) {
  if (series.length < 2) return null;
  return (
    <View className="chart__legend">
      {series.map((s) => (
        <View key={s.name} className="chart__key">
          <View className={`chart__swatch chart__fill--${s.tone}`} />
          <Text>{s.name}</Text>
        </View>
      ))}
    </View>
  );
}
