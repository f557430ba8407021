import Taro from '@tarojs/taro';
import { DESKTOP_TICKET_TTL_MS, type DesktopTicketCreated } from '@sqtb/shared';
import { useCallback, useEffect, useState } from 'react';
import { asApiError, type ApiError } from '../core/api-error';
import { ROUTES } from '../core/routes';
import { saveSession } from '../core/session';
import { createDesktopTicket, fetchDesktopTicket } from './api';

/** How often the computer asks whether the phone has confirmed. */
export const POLL_MS = 2000;
/** Past the ticket's life (by this computer's clock, from when it arrived), stop asking even without the BFF's 404. */
const LOCAL_GRACE_MS = 10_000;

export interface DesktopTicketState {
  ticket: DesktopTicketCreated | null;
  /** The ticket lapsed (or was collected elsewhere): offer a fresh one. */
  expired: boolean;
  error: ApiError | null;
  refresh: () => Promise<void>;
}

/**
 * Desktop sign-in: ask for a ticket (shown as a QR code), then poll every 2 s
 * until a phone confirms it. The confirmed reply carries this computer's own
 * session, once: it is kept and the app restarts at the user's home.
 */
export function useDesktopTicket(): DesktopTicketState {
  const [ticket, setTicket] = useState<DesktopTicketCreated | null>(null);
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    setTicket(null);
    setExpired(false);
    setError(null);
    try {
      setTicket(await createDesktopTicket());
    } catch (caught) {
      setError(asApiError(caught));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!ticket) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const giveUpAt = Date.now() + DESKTOP_TICKET_TTL_MS + LOCAL_GRACE_MS;
    const poll = async () => {
      if (Date.now() > giveUpAt) {
        setExpired(true);
        return;
      }
      try {
        const status = await fetchDesktopTicket(ticket);
        if (!live) return;
        if (status.status === 'confirmed') {
          saveSession({ token: status.token, expiresAt: status.expiresAt });
          void Taro.reLaunch({ url: ROUTES.home });
          return;
        }
      } catch (caught) {
        if (!live) return;
        // Unknown, expired or already collected: this QR code is spent.
        if (asApiError(caught).status === 404) {
          setExpired(true);
          return;
        }
        // Offline for a moment: keep asking.
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ticket]);

  return { ticket, expired, error, refresh };
}
