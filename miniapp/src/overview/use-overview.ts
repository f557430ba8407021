import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Overview, OverviewQuery, OverviewTable, Role } from '@sqtb/shared';
import { fetchMe } from '../accounts/api';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { urgeComplaint } from '../complaints/api';
import { ApiError, asApiError } from '../core/api-error';
import { showDone } from '../core/feedback';
import { useReloadOnShowAndPull } from '../core/page-events';
import { useSend } from '../core/use-send';
import { fetchOverview } from './api';
import { exportOverviewCsv } from './export';
import type { Link } from './links';

export interface OverviewData {
  overview: Overview;
  /** Who looks: district staff may urge and open the district's pages; a cadre may not. */
  viewer: Role;
}

/** Follow a figure's link (nothing happens for a figure without a list). */
export const openLink = (link: Link) => {
  if (link) void Taro.navigateTo({ url: link });
};

/** Refusals the overview words better than the general wording (the scope comes from a link). */
const SCOPE_REFUSALS: Record<string, string> = {
  NOT_FOUND: '找不到要查看的街道或居委会',
  VALIDATION_FAILED: '链接中的街道或居委会编号不正确',
};
const wordScopeRefusal = (caught: unknown): ApiError => {
  const error = asApiError(caught);
  const text = SCOPE_REFUSALS[error.code];
  return text ? new ApiError(error.status, error.code, text, error.details) : error;
};

/**
 * The overview for the scope asked for (district staff: `streetId` or
 * `committeeId`; a cadre gets their committee whatever is asked), loaded when
 * the page shows and on pull-down; 催办 on its worst overdue matters; CSV
 * export of its tables.
 */
export function useOverview(query: OverviewQuery) {
  const load = useCallback(async (): Promise<OverviewData> => {
    const [overview, me] = await Promise.all([fetchOverview(query).catch((caught: unknown) => Promise.reject(wordScopeRefusal(caught))), fetchMe()]);
    return { overview, viewer: me.role };
  }, [query.streetId, query.committeeId]);
  const state = useSignedInRequest(load);
  useReloadOnShowAndPull(state.run);

  const [urging, setUrging] = useState<string | null>(null);
  const urge = useSend(urgeComplaint);
  const urgeOne = async (id: string) => {
    setUrging(id);
    const updated = await urge.send(id);
    setUrging(null);
    const data = state.data;
    if (!updated || !data) return;
    const worstOverdue = data.overview.complaints.worstOverdue.map((item) => (item.id === id ? { ...item, urgeCount: updated.urgeCount } : item));
    state.mutate({ ...data, overview: { ...data.overview, complaints: { ...data.overview.complaints, worstOverdue } } });
    void showDone('已催办');
  };

  const [exporting, setExporting] = useState<OverviewTable | null>(null);
  const [exported, setExported] = useState<{ table: OverviewTable; message: string } | null>(null);
  const exportTable = async (table: OverviewTable) => {
    setExporting(table);
    const message = await exportOverviewCsv(table, query);
    setExporting(null);
    setExported({ table, message });
  };

  return { ...state, urging, urgeError: urge.error, urge: urgeOne, exporting, exported, exportTable };
}

export type OverviewState = ReturnType<typeof useOverview>;
