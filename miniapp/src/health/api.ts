import type { AppealStatus, HealthCodeResponse, MedicalStatus, RiskLevel, VerifyResponse, declarationBodySchema } from '@sqtb/shared';
import { request } from '../core/request';
import type { PageReply } from '../core/use-paged-list';

/** What a resident declares; `symptoms` and `travel` as the schema wants them (no defaults left to fill). */
export type DeclarationBody = ReturnType<typeof declarationBodySchema.parse>;

export interface RiskRegion {
  code: string;
  name: string;
  level: RiskLevel;
  since: string;
}

// The BFF declares these reply shapes in its routes, not in shared/: mirrored here.
export interface HealthCase {
  id: string;
  idMasked: string;
  status: MedicalStatus;
  date: string;
  note?: string;
  source: 'form' | 'csv' | 'appeal';
  createdAt: string;
}

export interface ImportLine {
  line: number;
  applied: boolean;
  idMasked?: string;
  status?: MedicalStatus;
  error?: string;
}
export interface ImportReport {
  applied: number;
  refused: number;
  lines: ImportLine[];
}

export interface HealthAppeal {
  id: string;
  colorAtFiling: string;
  reason: string;
  status: AppealStatus;
  resolutionNote?: string;
  createdAt: string;
  resolvedAt?: string;
  /** District staff only: who appealed (masked). */
  idMasked?: string;
  name?: string;
}

export interface ResolveAppealBody {
  outcome: 'corrected' | 'explained';
  note: string;
  correction?: { status: MedicalStatus; date: string };
}

export const fetchHealthCode = () => request<HealthCodeResponse>('/api/health-code');

/** `key` names this attempt: a retry with the same key gets the first answer back. */
export const declareHealth = (body: DeclarationBody, key: string) =>
  request<HealthCodeResponse>('/api/health/declarations', { method: 'POST', data: { ...body }, header: { 'Idempotency-Key': key } });

export const verifyCode = (token: string, place?: string) =>
  request<VerifyResponse>('/api/health-code/verify', { method: 'POST', data: { token, place } });

export const fetchRiskRegions = async (): Promise<RiskRegion[]> =>
  (await request<{ regions: RiskRegion[] }>('/api/health/risk-regions')).regions;

export const CASES_PAGE_SIZE = 20;
export const listCases = (page: number) =>
  request<PageReply<HealthCase>>('/api/health/cases', { data: { page, pageSize: CASES_PAGE_SIZE } });

export const setCase = (body: { idNumber: string; status: MedicalStatus; date: string; note?: string }) =>
  request<{ idMasked: string; status: MedicalStatus; date: string }>('/api/health/cases', { method: 'POST', data: { ...body } });

/** The CSV goes as the request body (header `idNumber,status,date,note`). */
export const importCases = (csv: string) =>
  request<ImportReport>('/api/health/cases/import', { method: 'POST', data: csv, contentType: 'text/csv' });

export const fileAppeal = (reason: string, key: string) =>
  request<HealthAppeal>('/api/health-code/appeals', { method: 'POST', data: { reason }, header: { 'Idempotency-Key': key } });

export const listAppeals = async (status?: AppealStatus): Promise<HealthAppeal[]> =>
  (await request<{ items: HealthAppeal[] }>('/api/health-code/appeals', { data: { status } })).items;

export const resolveAppeal = (id: string, body: ResolveAppealBody) =>
  request<HealthAppeal>(`/api/health-code/appeals/${encodeURIComponent(id)}/resolve`, { method: 'POST', data: { ...body } });
