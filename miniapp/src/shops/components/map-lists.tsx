import { Text, View } from '@tarojs/components';
import { ALERT_ATTACH_METERS, BUSINESS_TYPE_WORDS, UNATTACHED_ALERT_DAYS, UNATTACHED_ALERTS_MAX, type ShopView } from '@sqtb/shared';
import type { ShopMapData } from '../shop-map-data';
import { formatShanghai } from '../../core/time';
import { alertWords, hotspotWords, overdueWords } from '../shop-words';
import { GradeTag } from './grade-tag';

/** One shop as a row: name, grade in words, committee; tap opens the card. */
export function ShopRow({ shop, onOpen, extra }: { shop: ShopView; onOpen: (id: string) => void; extra?: string }) {
  return (
    <View className="card shop-row" onClick={() => onOpen(shop.id)}>
      <View className="card__head">
        <Text className="card__title shop-row__name">{shop.name}</Text>
        <GradeTag grade={shop.grade} />
      </View>
      <Text className="card__meta">{`${BUSINESS_TYPE_WORDS[shop.businessType]} · ${shop.committeeName ?? '辖区外'} · ${shop.address}`}</Text>
      {extra && <Text className="card__meta">{extra}</Text>}
    </View>
  );
}

interface Props {
  data: ShopMapData;
  shown: readonly ShopView[];
  onShop: (id: string) => void;
  onComplaint: (id: string) => void;
}

/** Everything the map draws, as plain lists: shops (as filtered), open hotspots, overdue matters, alerts no shop was near. */
export function MapLists({ data, shown, onShop, onComplaint }: Props) {
  return (
    <View className="map-lists">
      <Text className="section-title">{`商户（${shown.length}）`}</Text>
      {shown.length === 0 && <Text className="hint">没有该等级的商户</Text>}
      {data.total > data.shops.length && <Text className="hint">{`共 ${data.total} 家，仅显示前 ${data.shops.length} 家`}</Text>}
      {shown.map((shop) => (
        <ShopRow key={shop.id} shop={shop} onOpen={onShop} />
      ))}

      <Text className="section-title">{`在管乱点（${data.hotspots.length}）`}</Text>
      {data.hotspots.map((h) => (
        <View key={h.id} className="card hotspot-row">
          <Text className="card__text">{hotspotWords(h)}</Text>
        </View>
      ))}

      <Text className="section-title">{`超期事项（${data.overdue.length}）`}</Text>
      {data.overdue.map((c) => (
        <View key={c.id} className="card overdue-row" onClick={() => onComplaint(c.id)}>
          <Text className="card__text">{overdueWords(c.categoryName)}</Text>
          <Text className="card__meta">{c.address}</Text>
        </View>
      ))}

      <Text className="section-title">{`附近无登记商户的巡查告警（${data.alerts.length}）`}</Text>
      {data.alerts.length === 0 && <Text className="hint">{`近 ${UNATTACHED_ALERT_DAYS} 天没有`}</Text>}
      {data.alerts.length >= UNATTACHED_ALERTS_MAX && <Text className="hint">{`仅显示最近 ${UNATTACHED_ALERTS_MAX} 条`}</Text>}
      {data.alerts.map((a) => (
        <View key={a.id} className="card alert-row">
          <Text className="card__text">{alertWords(a.violationType)}</Text>
          <Text className="card__meta">{`${formatShanghai(a.at)} · ${a.location.lat.toFixed(5)}, ${a.location.lng.toFixed(5)} · ${ALERT_ATTACH_METERS} 米内无登记商户，不计入任何商户等级`}</Text>
        </View>
      ))}
    </View>
  );
}
