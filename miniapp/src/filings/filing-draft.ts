import { normaliseCreditCode, normaliseIdNumber, shanghaiDate } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import type { FilingBody, FilingView } from './api';
import { creditCodeWords, idNumberWords, phoneWords } from './words';

export interface RosterRow {
  /** Stable key for the list while rows are added and removed. */
  key: number;
  name: string;
  phone: string;
  idNumber: string;
}

/** What the filing form holds before it is sent (numbers as typed). */
export interface FilingDraft {
  enterpriseName: string;
  creditCode: string;
  address: string;
  committeeId?: string;
  contactName: string;
  contactPhone: string;
  reopenDate: string;
  planText: string;
  suppliesDays: string;
  isolationRoom: boolean;
  commitment: boolean;
  roster: RosterRow[];
}

/** A blank form; the reopening date starts as today (Shanghai). */
export const emptyFilingDraft = (): FilingDraft => ({
  enterpriseName: '',
  creditCode: '',
  address: '',
  contactName: '',
  contactPhone: '',
  reopenDate: shanghaiDate(new Date()),
  planText: '',
  suppliesDays: '',
  isolationRoom: false,
  commitment: false,
  roster: [],
});

export const STEPS = [
  { value: 'company' as const, label: '1 企业信息' },
  { value: 'plan' as const, label: '2 防控方案与承诺' },
  { value: 'roster' as const, label: '3 返岗员工名单' },
];
export type FilingStep = (typeof STEPS)[number]['value'];

export const PLAN_MIN = 20;
export const PLAN_MAX = 5000;
export const ROSTER_MAX = 2000;
export const CREDIT_CODE_LENGTH = 18;

const suppliesDaysOf = (raw: string) => (/^\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);

/** One roster row's problems in words (empty when the row is fine). */
export function rosterRowProblems(row: RosterRow): string[] {
  const problems: string[] = [];
  if (!row.name.trim()) problems.push('请填写姓名');
  else if (row.name.trim().length > 30) problems.push('姓名最多 30 字');
  const phone = phoneWords(row.phone);
  if (phone) problems.push(phone);
  const id = idNumberWords(row.idNumber);
  if (id) problems.push(id);
  return problems;
}

/** Every reason one step cannot be left yet, in form order; empty when it can. */
export function stepProblems(draft: FilingDraft, step: FilingStep): string[] {
  const problems: string[] = [];
  if (step === 'company') {
    const name = draft.enterpriseName.trim().length;
    if (name < 2 || name > 100) problems.push('请填写企业名称（2–100 字）');
    const code = creditCodeWords(draft.creditCode);
    if (code) problems.push(code);
    const address = draft.address.trim().length;
    if (address < 4 || address > 120) problems.push('请填写经营地址（4–120 字）');
    if (!draft.committeeId) problems.push('请选择所属居委会');
    if (!draft.contactName.trim()) problems.push('请填写联系人');
    if (phoneWords(draft.contactPhone)) problems.push('联系人手机号应为 11 位');
    if (!draft.reopenDate) problems.push('请选择复工日期');
  } else if (step === 'plan') {
    const plan = draft.planText.trim().length;
    if (plan < PLAN_MIN) problems.push(`请填写防控方案（至少 ${PLAN_MIN} 字，已填 ${plan} 字）`);
    if (plan > PLAN_MAX) problems.push(`防控方案最多 ${PLAN_MAX} 字`);
    const days = suppliesDaysOf(draft.suppliesDays);
    if (!(days >= 0 && days <= 365)) problems.push('防疫物资储备天数应为 0–365 的整数');
    if (!draft.commitment) problems.push('请阅读并签署防控承诺');
  } else {
    if (draft.roster.length === 0) problems.push('请至少添加 1 名返岗员工');
    if (draft.roster.length > ROSTER_MAX) problems.push(`返岗员工最多 ${ROSTER_MAX} 人`);
    const bad = draft.roster.findIndex((row) => rosterRowProblems(row).length > 0);
    if (bad >= 0) problems.push(`第 ${bad + 1} 名员工的信息不完整或有误`);
    const seen = new Set<string>();
    draft.roster.forEach((row, i) => {
      const id = normaliseIdNumber(row.idNumber);
      if (id && seen.has(id)) problems.push(`第 ${i + 1} 名员工的身份证号与前面的重复`);
      seen.add(id);
    });
  }
  return problems;
}

/** The first step with problems, or undefined when the whole draft can be sent. */
export const firstStepWithProblems = (draft: FilingDraft): FilingStep | undefined =>
  STEPS.map((s) => s.value).find((step) => stepProblems(draft, step).length > 0);

/** The `POST /api/enterprise-filings` (or PUT) body of a complete draft. */
export function filingBody(draft: FilingDraft): FilingBody {
  if (!draft.committeeId) throw new Error('the draft is incomplete: check stepProblems first');
  return {
    enterpriseName: draft.enterpriseName.trim(),
    creditCode: normaliseCreditCode(draft.creditCode),
    address: draft.address.trim(),
    committeeId: draft.committeeId,
    contactName: draft.contactName.trim(),
    contactPhone: draft.contactPhone.trim(),
    reopenDate: draft.reopenDate,
    plan: { text: draft.planText.trim() },
    suppliesDays: suppliesDaysOf(draft.suppliesDays),
    isolationRoom: draft.isolationRoom,
    commitment: true,
    roster: draft.roster.map((row) => ({ name: row.name.trim(), phone: row.phone.trim(), idNumber: normaliseIdNumber(row.idNumber) })),
  };
}

/**
 * A returned filing as a draft: what the BFF shows in full. The credit code, the
 * contact's phone and the roster come back masked, so they must be typed again
 * (unless this phone kept the copy it sent).
 */
export function draftFromView(view: FilingView): FilingDraft {
  return {
    ...emptyFilingDraft(),
    enterpriseName: view.enterpriseName,
    address: view.address,
    committeeId: view.committeeId,
    contactName: view.contactName,
    reopenDate: view.reopenDate,
    planText: view.plan.text,
    suppliesDays: String(view.suppliesDays),
    isolationRoom: view.isolationRoom,
    commitment: false,
  };
}

/** A CSV header line: English (as the BFF's roster import) or Chinese. */
const HEADER = /^(name|姓名)\s*[,，\t]\s*(phone|手机号?|电话)\s*[,，\t]\s*(idNumber|id_number|身份证号?码?)\s*$/i;
export const ROSTER_CSV_HEADER = 'name,phone,idNumber';

export interface CsvRosterResult {
  rows: Array<Omit<RosterRow, 'key'>>;
  /** Lines that are not three fields, by line number (1 = the first line pasted). */
  skipped: Array<{ line: number; text: string }>;
}

/**
 * Pasted roster lines (comma, Chinese comma or tab separated: copied from a
 * spreadsheet) as rows; an optional header line is skipped, and so are blank
 * lines. Rows are checked later, row by row, in the editor.
 */
export function parseRosterCsv(text: string): CsvRosterResult {
  const rows: CsvRosterResult['rows'] = [];
  const skipped: CsvRosterResult['skipped'] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (!line || (index === 0 && HEADER.test(line))) return;
      const fields = line.split(/[,，\t]/).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
      if (fields.length !== 3) {
        skipped.push({ line: index + 1, text: line });
        return;
      }
      const [name, phone, idNumber] = fields;
      rows.push({ name, phone, idNumber: idNumber.toUpperCase() });
    });
  return { rows, skipped };
}

/** The draft kept on this phone: one for a new filing, one per returned filing being amended. */
export const draftKey = (filingId?: string) => (filingId ? `sqtb.filing-draft.${filingId}` : 'sqtb.filing-draft');
/** What this phone sent for a filing, to fill the form again if it is returned. */
const sentKey = (filingId: string) => `sqtb.filing-sent.${filingId}`;

function readStored(key: string): FilingDraft | undefined {
  const stored = Taro.getStorageSync(key) as FilingDraft | '' | undefined;
  if (!stored || typeof stored !== 'object' || !Array.isArray(stored.roster)) return undefined;
  return { ...emptyFilingDraft(), ...stored };
}

export const loadDraft = (filingId?: string) => readStored(draftKey(filingId));
export const loadSent = (filingId: string) => readStored(sentKey(filingId));
export const saveDraft = (draft: FilingDraft, filingId?: string) => Taro.setStorageSync(draftKey(filingId), draft);

/** After a successful send: the draft is gone, a copy stays for a later amendment. */
export function rememberSent(draft: FilingDraft, filingId: string, draftOf?: string): void {
  Taro.removeStorageSync(draftKey(draftOf));
  Taro.setStorageSync(sentKey(filingId), { ...draft, commitment: false });
}
