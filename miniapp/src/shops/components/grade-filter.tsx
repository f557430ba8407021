import { Text, View } from '@tarojs/components';
import { SHOP_GRADE_WORDS, type ShopGrade } from '@sqtb/shared';
import { Chips } from '../../core/components/chips';
import { gradeClass, GRADES_HIGH_FIRST } from '../shop-words';
import type { GradeFilter } from '../use-shop-map';

interface Props {
  value: GradeFilter;
  counts: Record<ShopGrade, number>;
  onChange: (value: GradeFilter) => void;
}

/** The grade chips, each with its count, the most urgent first. */
export function GradeChips({ value, counts, onChange }: Props) {
  const all = GRADES_HIGH_FIRST.reduce((sum, g) => sum + counts[g], 0);
  const options = [
    { value: 'all' as const, label: `全部 ${all}` },
    ...GRADES_HIGH_FIRST.map((g) => ({ value: g, label: `${SHOP_GRADE_WORDS[g]} ${counts[g]}` })),
  ];
  return <Chips<GradeFilter> options={options} value={value} onChange={onChange} />;
}

/** What each colour and mark means: the three grades, hotspots and overdue matters. */
export function MapLegend() {
  return (
    <View className="map-legend">
      {GRADES_HIGH_FIRST.map((g) => (
        <View key={g} className="map-legend__item">
          <Text className={`map-mark map-mark--shop ${gradeClass('fill', g)}`} />
          <Text>{SHOP_GRADE_WORDS[g]}</Text>
        </View>
      ))}
      <View className="map-legend__item">
        <Text className="map-mark map-mark--hotspot" />
        <Text>在管乱点</Text>
      </View>
      <View className="map-legend__item">
        <Text className="map-mark map-mark--overdue" />
        <Text>超期事项</Text>
      </View>
      <View className="map-legend__item">
        <Text className="map-mark map-mark--alert" />
        <Text>无商户告警</Text>
      </View>
      <View className="map-legend__item">
        <Text className="map-mark map-mark--area" />
        <Text>居委辖区</Text>
      </View>
    </View>
  );
}
