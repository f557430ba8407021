import { filingBodySchema, normaliseCreditCode, normaliseIdNumber, PHONE_LENGTH, rosterEntrySchema, shanghaiDate } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import { fieldWords, lengthWording, problemList } from '../core/field-problems';
import { ID_NUMBER_WORDS, idNumberWords } from '../core/id-number-words';
import { maxDigits, maxLength } from '../core/schema-limits';
import type { FilingBody, FilingView } from './api';
import { creditCodeWords } from './words';

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
  /** The contact's number from WeChat (getPhoneNumber), masked: the BFF keeps it whole and uses it when none is typed. */
  wechatPhone?: string;
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

/** Limits the form shows as it is filled in; the shared schema is their one home. */
const fields = filingBodySchema.shape;
const rowFields = rosterEntrySchema.shape;
const planText = fields.plan.shape.text;
export const PLAN_MIN = planText.minLength ?? 0;
export const PLAN_MAX = maxLength(planText);
/** Days of supplies in stock: the schema's whole-number range. */
export const SUPPLIES_DAYS = { min: fields.suppliesDays.minValue ?? 0, max: fields.suppliesDays.maxValue ?? Number.MAX_SAFE_INTEGER, digits: maxDigits(fields.suppliesDays) };
/** The longest text each typed field takes (the inputs' `maxlength`). */
export const TEXT_MAX = {
  enterpriseName: maxLength(fields.enterpriseName),
  address: maxLength(fields.address),
  contactName: maxLength(fields.contactName),
  employeeName: maxLength(rowFields.name),
};

/** Digits as typed, as a number; anything else is not a number (the schema then refuses it). */
const wholeNumber = (raw: string) => (/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);

const rosterEntryOf = (row: RosterRow) => ({ name: row.name.trim(), phone: row.phone.trim(), idNumber: normaliseIdNumber(row.idNumber) });

/** The body the draft would send as it stands: what the shared schema checks. */
function bodyOf(draft: FilingDraft) {
  return {
    enterpriseName: draft.enterpriseName.trim(),
    creditCode: normaliseCreditCode(draft.creditCode),
    address: draft.address.trim(),
    committeeId: draft.committeeId,
    contactName: draft.contactName.trim(),
    // WeChat's number stands in for a typed one; a typed number wins.
    contactPhone: draft.wechatPhone && !draft.contactPhone.trim() ? undefined : draft.contactPhone.trim(),
    reopenDate: draft.reopenDate,
    plan: { text: draft.planText.trim() },
    suppliesDays: wholeNumber(draft.suppliesDays),
    isolationRoom: draft.isolationRoom,
    commitment: draft.commitment,
    roster: draft.roster.map(rosterEntryOf),
  };
}

/** Rows are replaced, never changed, so each is checked once: a 2,000-row roster re-renders on every keystroke. */
const checkedRows = new WeakMap<RosterRow, string[]>();

/** One roster row's problems in words (empty when the row is fine). */
export function rosterRowProblems(row: RosterRow): string[] {
  const known = checkedRows.get(row);
  if (known) return known;
  const words = fieldWords(rosterEntrySchema, rosterEntryOf(row), {
    name: lengthWording(() => '请填写姓名', (max) => `姓名最多 ${max} 字`),
    phone: `手机号应为 ${PHONE_LENGTH} 位`,
    idNumber: () => idNumberWords(row.idNumber) ?? ID_NUMBER_WORDS.shape,
  });
  const problems = problemList(words.name, words.phone, words.idNumber);
  checkedRows.set(row, problems);
  return problems;
}

/** Every reason one step cannot be left yet, in form order; empty when it can. */
export function stepProblems(draft: FilingDraft, step: FilingStep): string[] {
  const body = bodyOf(draft);
  if (step === 'company') {
    const words = fieldWords(filingBodySchema, body, {
      enterpriseName: `请填写企业名称（${fields.enterpriseName.minLength}–${fields.enterpriseName.maxLength} 字）`,
      creditCode: () => creditCodeWords(draft.creditCode) ?? '请填写统一社会信用代码',
      address: `请填写经营地址（${fields.address.minLength}–${fields.address.maxLength} 字）`,
      contactName: '请填写联系人',
      contactPhone: `联系人手机号应为 ${PHONE_LENGTH} 位`,
      reopenDate: '请选择复工日期',
    });
    // The committee is picked from the org's list, so only its presence is the form's to check.
    return problemList(words.enterpriseName, words.creditCode, words.address, !draft.committeeId && '请选择所属居委会', words.contactName, words.contactPhone, words.reopenDate);
  }
  if (step === 'plan') {
    const words = fieldWords(filingBodySchema, body, {
      'plan.text': lengthWording((min) => `请填写防控方案（至少 ${min} 字，已填 ${body.plan.text.length} 字）`, (max) => `防控方案最多 ${max} 字`),
      suppliesDays: `防疫物资储备天数应为 ${SUPPLIES_DAYS.min}–${SUPPLIES_DAYS.max} 的整数`,
      commitment: '请阅读并签署防控承诺',
    });
    return problemList(words['plan.text'], words.suppliesDays, words.commitment);
  }
  const words = fieldWords(filingBodySchema, body, {
    roster: lengthWording((min) => `请至少添加 ${min} 名返岗员工`, (max) => `返岗员工最多 ${max} 人`),
  });
  const bad = draft.roster.findIndex((row) => rosterRowProblems(row).length > 0);
  // One ID number twice is the form's own check: the BFF would refuse the whole filing.
  const seen = new Set<string>();
  const repeated = draft.roster.flatMap((row, i) => {
    const id = normaliseIdNumber(row.idNumber);
    const again = id && seen.has(id);
    seen.add(id);
    return again ? [`第 ${i + 1} 名员工的身份证号与前面的重复`] : [];
  });
  return problemList(words.roster, bad >= 0 && `第 ${bad + 1} 名员工的信息不完整或有误`, ...repeated);
}

/** The first step with problems, or undefined when the whole draft can be sent. */
export const firstStepWithProblems = (draft: FilingDraft): FilingStep | undefined =>
  STEPS.map((s) => s.value).find((step) => stepProblems(draft, step).length > 0);

/** The typed fields as the shared schema reads them; the committee is picked from the org's list. */
const typedBodySchema = filingBodySchema.omit({ committeeId: true });

/** The `POST /api/enterprise-filings` (or PUT) body of a complete draft (call only when no step has problems). */
export function filingBody(draft: FilingDraft): FilingBody {
  const { committeeId, ...typed } = bodyOf(draft);
  if (!committeeId) throw new Error('the draft is incomplete: check stepProblems first');
  return { ...typedBodySchema.parse({ ...typed, commitment: true }), committeeId };
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
