import { Button, Text, View } from '@tarojs/components';
import { ErrorState, LoadingState } from '../../../core/components/status';
import { isH5 } from '../../../core/platform';
import { GradeChips, MapLegend } from '../../components/grade-filter';
import { MapLists } from '../../components/map-lists';
import { SchematicMap } from '../../components/schematic-map';
import { StreetMap } from '../../components/street-map';
import { useShopMap } from '../../use-shop-map';
import '../../shops.css';

/**
 * 挂图作战 (district staff, cadres): street shops coloured by grade, open
 * hotspots, overdue matters and the committees' areas; WeChat's map in the
 * mini-program, a schematic on H5; every mark also in the lists below.
 */
export default function ShopMapPage() {
  const map = useShopMap();
  const data = map.data;
  if (!data) {
    return <View className="page">{map.error ? <ErrorState error={map.error} onRetry={map.run} /> : <LoadingState />}</View>;
  }
  const drawing = { data, shown: map.shown, onShop: map.openShop, onComplaint: map.openComplaint };
  return (
    <View className="page">
      {map.error && <ErrorState error={map.error} onRetry={map.run} />}
      <Text className="page__title">挂图作战</Text>
      <Text className="page__subtitle">街面商户按风险等级着色，叠加在管乱点与超期事项</Text>
      {map.committeeName && (
        <View className="switch-row">
          <Text>{`仅显示：${map.committeeName}`}</Text>
          <Button size="mini" onClick={map.showAllCommittees}>
            显示全部居委
          </Button>
        </View>
      )}
      <GradeChips value={map.grade} counts={map.counts} onChange={map.setGrade} />
      <MapLegend />
      {isH5() ? <SchematicMap {...drawing} /> : <StreetMap {...drawing} />}
      <MapLists {...drawing} />
    </View>
  );
}
