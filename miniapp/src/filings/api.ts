import type { FilingBody, FilingStatus, FilingSummary, FilingView } from '@sqtb/shared';
import { request } from '../core/request';
import type { PageReply } from '../core/use-paged-list';

export type { FilingBody, FilingStatus, FilingSummary, FilingView };
export type FilingAction = FilingView['actions'][number];
export type RosterMember = FilingView['roster'][number];

// The BFF declares these reply shapes in its routes, not in shared/: mirrored here.
export interface RosterImportLine {
  line: number;
  applied: boolean;
  idMasked?: string;
  error?: string;
}
export interface RosterImportReport {
  added: number;
  refused: number;
  lines: RosterImportLine[];
}

export interface Certificate {
  token: string;
  enterpriseName: string;
  approvedAt: string;
  expiresAt: string;
}

export interface DailyReportBody {
  date: string;
  onSite: number;
  feverCases: number;
  note?: string;
}
export interface DailyReport extends DailyReportBody {
  createdAt?: string;
}

/** The 409 of an approval while employees hold a red code: who they are (masked). */
export interface RedEmployee {
  name: string;
  idMasked: string;
}

const base = '/api/enterprise-filings';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const FILINGS_PAGE_SIZE = 20;
/** A reviewer's list: by status, and (district staff) by street. */
export interface FilingListFilter {
  status?: FilingStatus;
  streetId?: string;
}
export const listFilings = (filter: FilingListFilter, page: number) =>
  request<PageReply<FilingSummary>>(base, { data: { status: filter.status, streetId: filter.streetId, page, pageSize: FILINGS_PAGE_SIZE } });

export const fetchFiling = (id: string) => request<FilingView>(one(id));

/** `key` names this attempt: a retry with the same key gets the same filing back. */
export const createFiling = (body: FilingBody, key: string) => request<FilingView>(base, { method: 'POST', data: { ...body }, header: { 'Idempotency-Key': key } });

export const amendFiling = (id: string, body: FilingBody) => request<FilingView>(one(id), { method: 'PUT', data: { ...body } });

/** The CSV goes as the request body (header `name,phone,idNumber`); the BFF reports every line. */
export const importRoster = (id: string, csv: string) =>
  request<RosterImportReport>(`${one(id)}/roster`, { method: 'POST', data: csv, contentType: 'text/csv' });

export type ReviewAction = Exclude<FilingAction, 'amend'>;
/** `revision` is the one the reviewer read: a filing changed since is refused (409), so nobody approves what they did not see. */
export const reviewFiling = (id: string, action: ReviewAction, revision: number | undefined, note?: string) =>
  request<FilingView>(`${one(id)}/${action}`, { method: 'POST', data: { note, revision } });

export const fetchCertificate = (id: string) => request<Certificate>(`${one(id)}/certificate`);

export const postDailyReport = (id: string, body: DailyReportBody) =>
  request<DailyReport>(`${one(id)}/daily-reports`, { method: 'POST', data: { ...body } });

export const listDailyReports = async (id: string): Promise<DailyReport[]> =>
  (await request<{ items: DailyReport[] }>(`${one(id)}/daily-reports`)).items;
