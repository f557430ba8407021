import { useState } from 'react';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { errorText, type ApiError } from '../core/api-error';
import { useReloadOnShowAndPull } from '../core/page-events';
import { useSend } from '../core/use-send';
import { listRegistrations, listReservations, reviewRegistration, reviewReservation } from './api';

const REVIEW_CONFLICTS: Record<string, string> = {
  QUOTA_EXCEEDED: '该家庭本轮已有预约，不能再通过一份',
  OUT_OF_STOCK: '附近药店均已无货，暂时无法通过',
};
function reviewErrorText(error: ApiError): string {
  if (REVIEW_CONFLICTS[error.code]) return REVIEW_CONFLICTS[error.code];
  return errorText(error);
}

/** The cadre's queue: registrations and reservations the automatic rules sent for review. */
export function useReview() {
  const registrations = useSignedInRequest(() => listRegistrations('pending_review'));
  const reservations = useSignedInRequest(() => listReservations('pending_review'));
  useReloadOnShowAndPull(registrations.run, reservations.run);
  const [acting, setActing] = useState<string | null>(null);

  const settleRegistration = useSend(reviewRegistration, reviewErrorText);
  const settleReservation = useSend(reviewReservation, reviewErrorText);

  const decideRegistration = async (id: string, approve: boolean, reason?: string) => {
    setActing(id);
    const done = await settleRegistration.send(id, approve, reason);
    setActing(null);
    if (done) await Promise.all([registrations.run(), reservations.run()]);
    return !!done;
  };
  const decideReservation = async (id: string, approve: boolean) => {
    setActing(id);
    const done = await settleReservation.send(id, approve);
    setActing(null);
    if (done) await reservations.run();
    return !!done;
  };

  return {
    registrations,
    reservations,
    acting,
    decideRegistration,
    decideReservation,
    registrationError: settleRegistration.error,
    reservationError: settleReservation.error,
  };
}
