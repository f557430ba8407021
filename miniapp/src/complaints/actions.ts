import { dispatchComplaintSchema, rateComplaintSchema, rejectComplaintSchema, resolveComplaintSchema, type ComplaintView } from '@sqtb/shared';
import { fieldWords, lengthWording, limitOf, type BodySchema, type FieldWording } from '../core/field-problems';
import { maxLength } from '../core/schema-limits';

export type ComplaintAction = ComplaintView['actions'][number];

/**
 * The form each action needs on the detail page:
 * - confirm: one button (受理, 归档, 催办, 我也遇到了)
 * - reason: a reason, then the button (不予受理)
 * - dispatch: a unit picker (派单)
 * - resolve: a result note and photos (办结)
 * - rate: 1–5 stars and a comment (评价)
 * - shop: a pick among the shops near the matter, or none (关联商铺)
 * `autoClose` / `autoArchive` are the system's and never shown.
 */
export type ActionForm = 'confirm' | 'reason' | 'dispatch' | 'resolve' | 'rate' | 'shop';

interface ActionSpec {
  form: ActionForm;
  label: string;
  /** Shown after the step succeeded. */
  done: string;
}

const SPECS: Partial<Record<ComplaintAction, ActionSpec>> = {
  rate: { form: 'rate', label: '提交评价', done: '评价已提交' },
  accept: { form: 'confirm', label: '受理', done: '已受理' },
  dispatch: { form: 'dispatch', label: '派单', done: '已派单' },
  reject: { form: 'reason', label: '不予受理', done: '已不予受理' },
  resolve: { form: 'resolve', label: '办结并反馈', done: '已办结' },
  urge: { form: 'confirm', label: '催办', done: '已催办' },
  archive: { form: 'confirm', label: '归档', done: '已归档' },
  metoo: { form: 'confirm', label: '我也遇到了', done: '已记录' },
  'link-shop': { form: 'shop', label: '保存关联商铺', done: '关联商铺已更新' },
};

/** The order forms appear in: the main step first, refusal after it. */
const ORDER: ComplaintAction[] = ['rate', 'accept', 'dispatch', 'resolve', 'link-shop', 'reject', 'urge', 'archive', 'metoo'];

export interface ActionEntry extends ActionSpec {
  action: ComplaintAction;
}

/** Exactly the actions the BFF offered this caller, each with its form; nothing more. */
export function actionEntries(actions: readonly ComplaintAction[]): ActionEntry[] {
  return ORDER.filter((action) => actions.includes(action) && SPECS[action]).map((action) => ({ action, ...SPECS[action]! }));
}

/** A step body, or the reason (in Chinese) it cannot be sent yet. */
export type Built<T> = { ok: true; body: T } | { ok: false; message: string };

const trimmed = (text: string | undefined) => (text ?? '').trim();
const optional = (text: string | undefined) => (trimmed(text) ? trimmed(text) : undefined);

/** A body checked by its shared schema: the body, or the words for its first field that fails. */
function checked<T>(schema: BodySchema, body: T, wording: Record<string, FieldWording>): Built<T> {
  const [problem] = Object.values(fieldWords(schema, body, wording));
  return problem ? { ok: false, message: problem } : { ok: true, body };
}

/** The longest text each form takes (the inputs' `maxlength`), from the shared schemas. */
export const TEXT_MAX = {
  reason: maxLength(rejectComplaintSchema.shape.reason),
  dispatchNote: maxLength(dispatchComplaintSchema.shape.note.unwrap()),
  resolveNote: maxLength(resolveComplaintSchema.shape.note),
  comment: maxLength(rateComplaintSchema.shape.comment.unwrap()),
};

export const STAR_WORDS = ['很不满意', '不满意', '一般', '满意', '非常满意'] as const;
const { stars: starsField } = rateComplaintSchema.shape;

export function rateBody(stars: number, comment?: string): Built<{ stars: number; comment?: string }> {
  const text = optional(comment);
  return checked(rateComplaintSchema, text ? { stars, comment: text } : { stars }, {
    stars: `请选择 ${starsField.minValue}–${starsField.maxValue} 星`,
    comment: (issue) => `评价内容最多 ${limitOf(issue)} 字`,
  });
}

export function rejectBody(reason: string): Built<{ reason: string }> {
  return checked(rejectComplaintSchema, { reason: trimmed(reason) }, {
    reason: lengthWording((min) => `请填写不予受理的理由（至少 ${min} 个字）`, (max) => `理由最多 ${max} 字`),
  });
}

export function dispatchBody(unitId: string | undefined, note?: string): Built<{ unitId: string; note?: string }> {
  if (!unitId) return { ok: false, message: '请选择处置部门' };
  const text = optional(note);
  return { ok: true, body: text ? { unitId, note: text } : { unitId } };
}

export function resolveBody(note: string, photoIds: string[]): Built<{ note: string; photoIds: string[] }> {
  return checked(resolveComplaintSchema, { note: trimmed(note), photoIds }, {
    note: lengthWording((min) => `请填写处置结果（至少 ${min} 个字）`, (max) => `处置结果最多 ${max} 字`),
  });
}

/** A rating of 1–2 stars sends the matter back to the unit: say so before it is sent. */
export const reopensOnRating = (stars: number) => stars >= 1 && stars <= 2;
