import Taro from '@tarojs/taro';
import { useRef } from 'react';
import { NETWORK, type ApiError } from '../core/api-error';
import { ROUTES } from '../core/routes';
import { useSend } from '../core/use-send';
import { reserveMasks, type ReservationView } from './api';
import { reserveErrorText } from './words';

/** A fresh Idempotency-Key: 8–64 of [A-Za-z0-9_-] (no crypto.randomUUID on every mini-program base library). */
export function newIdempotencyKey(): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `r-${Date.now().toString(36)}-${random()}${random()}`;
}

/** Only a reply that settles the attempt retires its key; after a lost reply the retry must reuse it. */
const settles = (error: ApiError) => error.code !== NETWORK && error.status < 500;

/**
 * The 预约 tap. Each attempt carries an Idempotency-Key; when the answer was lost
 * (network, 5xx) the next tap sends the same key, so the BFF answers with the
 * reservation it may already have made instead of refusing a second one.
 * On success the resident goes to their reservation.
 */
export function useReserve() {
  const key = useRef<string | null>(null);
  const sending = useSend(async (body: { roundId?: string; pharmacyId?: string }) => {
    const attempt = key.current ?? newIdempotencyKey();
    key.current = attempt;
    try {
      const reservation = await reserveMasks(body, attempt);
      key.current = null;
      return reservation;
    } catch (caught) {
      if (settles(caught as ApiError)) key.current = null;
      throw caught;
    }
  }, reserveErrorText);

  const reserve = async (body: { roundId?: string; pharmacyId?: string }): Promise<ReservationView | undefined> => {
    const reservation = await sending.send(body);
    if (reservation) void Taro.redirectTo({ url: ROUTES.masksMine });
    return reservation;
  };

  return { reserve, busy: sending.busy, error: sending.error };
}
