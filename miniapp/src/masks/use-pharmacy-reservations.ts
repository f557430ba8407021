import { useMemo, useState } from 'react';
import type { ReservationView } from '@sqtb/shared';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { useReloadOnShowAndPull } from '../core/page-events';
import { formatShanghai } from '../core/time';
import { listReservations } from './api';

export type PharmacyFilter = 'waiting' | 'today' | 'redeemed';
export const PHARMACY_FILTERS: ReadonlyArray<{ value: PharmacyFilter; label: string }> = [
  { value: 'waiting', label: '待取货' },
  { value: 'today', label: '今日预约' },
  { value: 'redeemed', label: '已核销' },
];

const shanghaiDay = (at: string | number) => formatShanghai(at).slice(0, 10);

/** Today's figures and the list for one filter (the BFF gives no redeemedAt, so "today" is by booking time). */
export function pharmacyView(items: ReservationView[], filter: PharmacyFilter, now: number) {
  const today = shanghaiDay(now);
  const bookedToday = items.filter((r) => shanghaiDay(r.createdAt) === today);
  const waiting = items.filter((r) => r.status === 'approved');
  const redeemed = items.filter((r) => r.status === 'redeemed');
  const shown = filter === 'waiting' ? waiting : filter === 'redeemed' ? redeemed : bookedToday;
  return { shown, counts: { today: bookedToday.length, waiting: waiting.length, redeemed: redeemed.length } };
}

/** The pharmacy's reservations (its own only; the BFF filters). */
export function usePharmacyReservations() {
  const list = useSignedInRequest(() => listReservations());
  useReloadOnShowAndPull(list.run);
  const [filter, setFilter] = useState<PharmacyFilter>('waiting');
  const view = useMemo(() => pharmacyView(list.data ?? [], filter, Date.now()), [list.data, filter]);
  return { list, filter, setFilter, ...view };
}
