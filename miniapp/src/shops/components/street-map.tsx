import { Map, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { ShopView } from '@sqtb/shared';
import { mapCircles, mapMarkers } from '../map-markers';
import type { ShopMapData } from '../shop-map-data';

interface Props {
  data: ShopMapData;
  shown: readonly ShopView[];
  onShop: (id: string) => void;
  onComplaint: (id: string) => void;
}

/** Where the map opens when there is nothing to fit: the first committee's centre, else Pudong. */
const PUDONG = { lat: 31.2215, lng: 121.5447 };

/**
 * The mini-program's map (WeChat's native `map`): shops coloured by grade,
 * hotspots, overdue matters and alerts no shop was near as markers, committees' areas as circles.
 * A tap on a shop opens its card, on an overdue matter its detail.
 */
export function StreetMap({ data, shown, onShop, onComplaint }: Props) {
  const { markers, marks } = useMemo(() => mapMarkers(shown, data.hotspots, data.overdue, data.alerts), [shown, data]);
  const circles = useMemo(() => mapCircles(data.committees), [data]);
  const centre = data.committees[0]?.area.center ?? shown[0]?.location ?? PUDONG;
  const points = useMemo(() => markers.map((m) => ({ latitude: m.latitude, longitude: m.longitude })), [markers]);

  // Should WeChat fail to draw the map, the lists under it still hold every mark.
  const [failed, setFailed] = useState(false);
  const open = (markerId: number | string) => {
    const mark = marks[Number(markerId)];
    if (mark?.kind === 'shop') onShop(mark.id);
    if (mark?.kind === 'complaint') onComplaint(mark.id);
  };
  return (
    <View>
      {failed && <Text className="hint">地图加载失败，请查看下方列表</Text>}
      <Map
        className="street-map"
        latitude={centre.lat}
        longitude={centre.lng}
        scale={15}
        markers={markers}
        circles={circles}
        includePoints={points}
        onMarkerTap={(e) => open(e.detail.markerId)}
        onLabelTap={(e) => open(e.detail.markerId)}
        onCalloutTap={(e) => open(e.detail.markerId)}
        onError={() => setFailed(true)}
      />
    </View>
  );
}
