import { useEffect, useMemo } from 'react';
import type { HealthCodeResponse } from '@sqtb/shared';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import type { ApiError } from '../core/api-error';
import { useReloadOnShowAndPull } from '../core/page-events';
import { useNow } from '../core/use-now';
import { useRequest } from '../core/use-request';
import { fetchHealthCode, fetchRiskRegions } from './api';

/** A new code is fetched this long before the shown one expires. */
export const REFRESH_LEAD_MS = 60_000;
/** Bounds on the wait, whatever the phone's clock says: never a fetch loop, never past a token's 5 minutes. */
const MIN_WAIT_MS = 15_000;
const MAX_WAIT_MS = 4 * 60_000;

/** How long to wait before fetching a fresh code (also the retry pace after a failed refresh). */
export function refreshDelay(expiresAt: string, now: number): number {
  const wait = Date.parse(expiresAt) - now - REFRESH_LEAD_MS;
  if (!Number.isFinite(wait)) return MIN_WAIT_MS;
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, wait));
}

export interface HealthCodeState {
  code?: HealthCodeResponse;
  loading: boolean;
  error?: ApiError;
  reload: () => Promise<void>;
  /** Now, ticking each second, so a live code is told from a screenshot. */
  now: number;
  msLeft: number;
  expired: boolean;
  /** Region names by code, to put the reasons in words (loaded only when a reason names a region). */
  regionNames: ReadonlyMap<string, string>;
}

/**
 * The resident's code: fetched when the page shows or is pulled down, again a minute before the
 * token expires (its 5 minutes are up), and retried at that pace after a failure.
 */
export function useHealthCode(): HealthCodeState {
  const code = useSignedInRequest(fetchHealthCode);
  const { run, data, error } = code;
  useReloadOnShowAndPull(run);

  useEffect(() => {
    if (!data) return undefined;
    const timer = setTimeout(() => void run(), refreshDelay(data.expiresAt, Date.now()));
    return () => clearTimeout(timer);
  }, [data, error, run]);

  const regions = useRequest(fetchRiskRegions);
  const needsRegions = !!data?.reasons.some((r) => r.rule === 'risk-region-travel');
  useEffect(() => {
    if (needsRegions) void regions.run();
  }, [needsRegions, regions.run]);
  const regionNames = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);

  const now = useNow(1000);
  const msLeft = data ? Math.max(0, Date.parse(data.expiresAt) - now) : 0;
  return { code: data, loading: code.loading, error, reload: run, now, msLeft, expired: !!data && msLeft <= 0, regionNames };
}
