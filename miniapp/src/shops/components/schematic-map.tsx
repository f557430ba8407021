import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { ShopView } from '@sqtb/shared';
import { schematicFrame, type BoxPoint } from '../schematic';
import type { ShopMapData } from '../shop-map-data';
import { gradeClass } from '../shop-words';

interface Props {
  data: ShopMapData;
  /** The shops the grade filter lets through (the frame is fitted to all of them). */
  shown: readonly ShopView[];
  onShop: (id: string) => void;
  onComplaint: (id: string) => void;
}

const at = (p: BoxPoint) => ({ left: `${p.left}%`, top: `${p.top}%` });

/**
 * H5's stand-in for the map: no map tiles can be loaded offline, so the
 * committees' areas, shops, hotspots, overdue matters and alerts are drawn from their
 * coordinates into a box. It says so, and the list under it holds everything
 * the box does, so nothing is reachable only by position.
 */
export function SchematicMap({ data, shown, onShop, onComplaint }: Props) {
  const frame = useMemo(
    () =>
      schematicFrame(
        data.committees.map((c) => c.area),
        [...data.shops.map((s) => s.location), ...data.hotspots.map((h) => h.center), ...data.overdue.map((c) => c.location), ...data.alerts.map((a) => a.location)],
      ),
    [data],
  );
  return (
    <View>
      <Text className="hint schematic__caption">示意图：按坐标绘制，非地图。圆圈为居委辖区，圆点为商户（颜色表示风险等级），灰色方块为附近无登记商户的巡查告警，位置仅供参考；全部内容见下方列表。</Text>
      <View className="schematic">
        {data.committees.map((c) => {
          const area = frame.circle(c.area);
          return (
            <View key={c.id} className="schematic__area" style={{ ...at(area), width: `${area.size}%`, height: `${area.size}%` }}>
              <Text className="schematic__area-name">{c.name}</Text>
            </View>
          );
        })}
        {data.hotspots.map((h) => (
          <View key={h.id} className="schematic__mark map-mark map-mark--hotspot" style={at(frame.point(h.center))} />
        ))}
        {data.overdue.map((c) => (
          <View key={c.id} className="schematic__mark map-mark map-mark--overdue" style={at(frame.point(c.location))} onClick={() => onComplaint(c.id)} />
        ))}
        {data.alerts.map((a) => (
          <View key={a.id} className="schematic__mark map-mark map-mark--alert" style={at(frame.point(a.location))} />
        ))}
        {shown.map((s) => (
          <View key={s.id} className={`schematic__dot map-mark map-mark--shop ${gradeClass('fill', s.grade)}`} style={at(frame.point(s.location))} onClick={() => onShop(s.id)} />
        ))}
      </View>
    </View>
  );
}
