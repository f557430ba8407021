import type {
  Certificate,
  DailyReportBody,
  DailyReportList,
  DailyReportView,
  FilingBody,
  FilingListQuery,
  FilingPage,
  FilingStatus,
  FilingSummary,
  FilingView,
  RosterImportReport,
} from '@sqtb/shared';
import { request } from '../core/request';

export type { FilingBody, FilingStatus, FilingSummary, FilingView };
export type FilingAction = FilingView['actions'][number];
export type RosterMember = FilingView['roster'][number];

const base = '/api/enterprise-filings';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const FILINGS_PAGE_SIZE = 20;
/** A reviewer's list: by status, and (district staff) by street. */
export type FilingListFilter = Pick<FilingListQuery, 'status' | 'streetId'>;
export const listFilings = (filter: FilingListFilter, page: number) =>
  request<FilingPage>(base, { data: { status: filter.status, streetId: filter.streetId, page, pageSize: FILINGS_PAGE_SIZE } });

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
  request<DailyReportView>(`${one(id)}/daily-reports`, { method: 'POST', data: { ...body } });

export const listDailyReports = async (id: string): Promise<DailyReportView[]> => (await request<DailyReportList>(`${one(id)}/daily-reports`)).items;
