import { Text, View } from '@tarojs/components';
import type { ReservationView } from '@sqtb/shared';
import { QrCode } from '../../core/components/qr-code';
import { formatShanghai } from '../../core/time';
import { groupedCode, pickupCountdown, reservationExplanation } from '../words';
import { ReservationTag } from './tags';

interface Props {
  reservation: ReservationView;
  now: number;
}

/**
 * One reservation as the resident shows it at the counter: the pickup code in
 * big digits (read out) and as a QR (scanned), the pharmacy and the time left.
 * Without a code, the status says in words what happens next.
 */
export function PickupCard({ reservation, now }: Props) {
  const { pickupCode, pharmacy, pickupBy, status } = reservation;
  const live = status === 'approved' && !!pickupCode;
  const left = live ? pickupCountdown(pickupBy, now) : null;
  const explanation = reservationExplanation(status, reservation.reason);
  return (
    <View className={`card pickup${live ? '' : ' pickup--settled'}`}>
      <View className="card__head">
        <Text className="card__title">{`口罩 ${reservation.quantity} 只`}</Text>
        <ReservationTag status={status} />
      </View>
      {pickupCode && (
        <View className="pickup__code-box">
          <Text className="pickup__label">取货码</Text>
          <Text className="pickup__code">{groupedCode(pickupCode)}</Text>
          {live && (
            <View className="pickup__qr">
              <QrCode value={pickupCode} width={200} />
            </View>
          )}
        </View>
      )}
      {pharmacy && (
        <View className="pickup__pharmacy">
          <Text className="card__text">{pharmacy.name}</Text>
          <Text className="card__meta">{pharmacy.address}</Text>
        </View>
      )}
      {live && pickupBy && (
        <Text className="pickup__countdown">{left ? `取货剩余 ${left}（${formatShanghai(pickupBy, { short: true })} 前）` : '取货期限已过'}</Text>
      )}
      {live && <Text className="hint">请本人持取货码到药店领取，药店核销后即失效；逾期未取，口罩将退回药店。</Text>}
      {!live && explanation && <Text className="card__meta">{explanation}</Text>}
      <Text className="card__meta">{`预约于 ${formatShanghai(reservation.createdAt)}`}</Text>
    </View>
  );
}
