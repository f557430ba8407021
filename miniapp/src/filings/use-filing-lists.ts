import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { ApiError } from '../core/api-error';
import { filingDetailUrl } from '../core/routes';
import { useFilteredList } from '../core/use-filtered-list';
import { useRequest } from '../core/use-request';
import { FILING_STATUSES } from '@sqtb/shared';
import { fetchFiling, listFilings, type FilingListFilter, type FilingStatus, type FilingSummary } from './api';
import { STATUS_LABELS } from './words';

export interface QueueFilter {
  key: FilingStatus | 'all';
  label: string;
}
/** A reviewer's queue: every status, what waits for a decision first (FILING_STATUSES' order), then all. */
export const QUEUE_FILTERS: readonly QueueFilter[] = [...FILING_STATUSES.map((key) => ({ key, label: STATUS_LABELS[key] })), { key: 'all', label: '全部' }];

/**
 * Filings in the caller's scope (the enterprise's own; a committee's; the
 * district's), paged: reloads when the status changes, on show and on pull-down.
 */
export function useFilingList(filter: FilingListFilter, ...alsoReload: Array<() => Promise<unknown>>) {
  return useFilteredList<FilingSummary>((page) => listFilings(filter, page), JSON.stringify(filter), leaveIfUnauthenticated, ...alsoReload);
}

export const openFiling = (id: string) => void Taro.navigateTo({ url: filingDetailUrl(id) });

/** One filing in full (the enterprise's own, or one a reviewer may see). */
export function useFiling(id: string | undefined) {
  const load = useCallback(() => (id ? fetchFiling(id) : Promise.reject(new ApiError(0, 'NO_ID', '没有指定要查看的备案'))), [id]);
  return useRequest(load, leaveIfUnauthenticated);
}
