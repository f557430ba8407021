import Taro from '@tarojs/taro';
import type { ReservationView } from '@sqtb/shared';
import { useRetryKey } from '../core/retry-key';
import { ROUTES } from '../core/routes';
import { useSend } from '../core/use-send';
import { useStatusUpdatesOffer } from '../notifications/subscribe-offer';
import { reserveMasks } from './api';
import { reserveErrorText } from './words';

/**
 * The 预约 tap. Each attempt carries an Idempotency-Key; when the answer was lost
 * (network, 5xx) the next tap sends the same key, so the BFF answers with the
 * reservation it may already have made instead of refusing a second one.
 * On success WeChat notices are offered, then the resident goes to their reservation.
 */
export function useReserve() {
  const withKey = useRetryKey();
  const offerUpdates = useStatusUpdatesOffer();
  const sending = useSend((body: { roundId?: string; pharmacyId?: string }) => withKey((key) => reserveMasks(body, key)), reserveErrorText);

  const reserve = async (body: { roundId?: string; pharmacyId?: string }): Promise<ReservationView | undefined> => {
    const reservation = await sending.send(body);
    if (!reservation) return undefined;
    await offerUpdates('已预约');
    void Taro.redirectTo({ url: ROUTES.masksMine });
    return reservation;
  };

  return { reserve, busy: sending.busy, error: sending.error };
}
