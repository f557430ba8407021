import { Text, View } from '@tarojs/components';
import type { NearbyPharmacy } from '@sqtb/shared';
import { formatShanghai } from '../../core/time';
import { distanceText } from '../words';

interface Props {
  pharmacies: NearbyPharmacy[];
  /** The pharmacy the resident prefers; undefined = the nearest with stock. */
  picked?: string;
  onPick: (id: string | undefined) => void;
  disabled?: boolean;
}

function stockText(p: NearbyPharmacy): string {
  if (!p.stock) return '本轮无供应';
  if (p.stock.soldOut || p.stock.available <= 0) return '已无货';
  return `余 ${p.stock.available} / ${p.stock.total} 只`;
}

const orderable = (p: NearbyPharmacy) => !!p.stock && !p.stock.soldOut && p.stock.available > 0;

/** Nearby pharmacies, nearest first, with live stock and when it last changed; tap one to prefer it. */
export function PharmacyList({ pharmacies, picked, onPick, disabled }: Props) {
  const pick = (id: string | undefined) => !disabled && onPick(id);
  return (
    <View>
      <View className={`card pharmacy${picked === undefined ? ' pharmacy--picked' : ''}`} onClick={() => pick(undefined)}>
        <Text className="card__title">就近分配（推荐）</Text>
        <Text className="card__meta">由系统分配离您最近、仍有库存的药店</Text>
      </View>
      {pharmacies.map((p) => (
        <View
          key={p.id}
          className={`card pharmacy${picked === p.id ? ' pharmacy--picked' : ''}${orderable(p) ? '' : ' pharmacy--empty'}`}
          onClick={() => orderable(p) && pick(p.id)}
        >
          <View className="card__head">
            <Text className="card__title">{p.name}</Text>
            <Text className={`tag tag--${orderable(p) ? 'green' : 'grey'}`}>{stockText(p)}</Text>
          </View>
          <Text className="card__meta">{`${p.address} · ${distanceText(p.distanceMeters)}`}</Text>
          {p.stock && <Text className="card__meta">{`库存更新于 ${formatShanghai(p.stock.updatedAt, { short: true })}`}</Text>}
        </View>
      ))}
    </View>
  );
}
