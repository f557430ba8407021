import type {
  AppealList,
  AppealStatus,
  AppealView,
  CaseApplied,
  CaseBody,
  CaseImportReport,
  CaseList,
  DeclarationBody,
  HealthCodeResponse,
  ResolveAppealBody,
  RiskRegionList,
  RiskRegionView,
  VerifyResponse,
} from '@sqtb/shared';
import { request } from '../core/request';

export const fetchHealthCode = () => request<HealthCodeResponse>('/api/health-code');

/** `key` names this attempt: a retry with the same key gets the first answer back. */
export const declareHealth = (body: DeclarationBody, key: string) =>
  request<HealthCodeResponse>('/api/health/declarations', { method: 'POST', data: { ...body }, header: { 'Idempotency-Key': key } });

export const verifyCode = (token: string, place?: string) =>
  request<VerifyResponse>('/api/health-code/verify', { method: 'POST', data: { token, place } });

export const fetchRiskRegions = async (): Promise<RiskRegionView[]> => (await request<RiskRegionList>('/api/health/risk-regions')).regions;

export const CASES_PAGE_SIZE = 20;
export const listCases = (page: number) => request<CaseList>('/api/health/cases', { data: { page, pageSize: CASES_PAGE_SIZE } });

export const setCase = (body: CaseBody) => request<CaseApplied>('/api/health/cases', { method: 'POST', data: { ...body } });

/** The CSV goes as the request body (header `idNumber,status,date,note`). */
export const importCases = (csv: string) =>
  request<CaseImportReport>('/api/health/cases/import', { method: 'POST', data: csv, contentType: 'text/csv' });

export const fileAppeal = (reason: string, key: string) =>
  request<AppealView>('/api/health-code/appeals', { method: 'POST', data: { reason }, header: { 'Idempotency-Key': key } });

export const listAppeals = async (status?: AppealStatus): Promise<AppealView[]> =>
  (await request<AppealList>('/api/health-code/appeals', { data: { status } })).items;

export const resolveAppeal = (id: string, body: ResolveAppealBody) =>
  request<AppealView>(`/api/health-code/appeals/${encodeURIComponent(id)}/resolve`, { method: 'POST', data: { ...body } });
