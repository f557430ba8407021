import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ReservationView } from '@sqtb/shared';
import { formatShanghai } from '../../core/time';
import { reasonText } from '../words';
import { ReservationTag } from './tags';

/** One reservation in a staff list (no pickup code: only the resident holds it). */
export function ReservationRow({ reservation, children }: { reservation: ReservationView; children?: ReactNode }) {
  const r = reservation;
  return (
    <View className="card">
      <View className="card__head">
        <Text className="card__title">{`口罩 ${r.quantity} 只`}</Text>
        <ReservationTag status={r.status} />
      </View>
      {r.pharmacy && <Text className="card__text">{r.pharmacy.name}</Text>}
      {r.status === 'pending_review' && r.reason && <Text className="card__text">{reasonText(r.reason)}</Text>}
      <Text className="card__meta">
        {`预约于 ${formatShanghai(r.createdAt, { short: true })}${r.pickupBy && r.status === 'approved' ? ` · ${formatShanghai(r.pickupBy, { short: true })} 前取货` : ''}`}
      </Text>
      {children}
    </View>
  );
}
