import { CREDIT_CODE_LENGTH, creditCodeProblem, PHONE_LENGTH, phoneSchema, type RedEmployee } from '@sqtb/shared';
import { idNumberMessageWords } from '../core/id-number-words';
import type { FilingStatus } from './api';

export const STATUS_LABELS: Record<FilingStatus, string> = {
  submitted: '待审核',
  approved: '已通过',
  returned: '退回修改',
  rejected: '未通过',
  revoked: '已撤销',
};

export const STATUS_TAGS: Record<FilingStatus, string> = {
  submitted: 'tag--blue',
  approved: 'tag--green',
  returned: 'tag--orange',
  rejected: 'tag--red',
  revoked: 'tag--red',
};

export const HEALTH_COLOR_LABELS = { green: '绿码', yellow: '黄码', red: '红码' } as const;

const ACTION_TITLES: Record<string, string> = {
  submit: '提交备案',
  amend: '修改后重新提交',
  approve: '审核通过',
  return: '退回修改',
  reject: '审核不通过',
  revoke: '撤销备案',
  roster: '追加员工名单',
  report: '每日报告',
};
export const actionTitle = (action: string) => ACTION_TITLES[action] ?? action;

/** The credit-code check (GB 32100) in words, or undefined when the code is valid. */
export function creditCodeWords(raw: string): string | undefined {
  const problem = creditCodeProblem(raw);
  if (!problem) return undefined;
  if (problem.includes(`${CREDIT_CODE_LENGTH} characters`)) return `统一社会信用代码应为 ${CREDIT_CODE_LENGTH} 位（已填 ${raw.trim().length} 位）`;
  if (problem.includes('may not contain')) return '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）';
  return '统一社会信用代码校验位不正确，请核对最后一位';
}

/** A phone number checked by the shared schema, in words, or undefined when it is valid. */
export const phoneWords = (raw: string): string | undefined => (phoneSchema.safeParse(raw).success ? undefined : `手机号应为 ${PHONE_LENGTH} 位`);

/** The 409 of an approval while some employees hold a red code, in words. */
export function redEmployeesText(employees: readonly RedEmployee[]): string {
  const names = employees.map((e) => `${e.name}（${e.idMasked}）`).join('、');
  return `以下 ${employees.length} 名员工当前为红码，暂不能通过：${names}。请待其转码后再审核，或退回企业调整名单。`;
}

/** A refused roster CSV line's reason (the BFF writes it in English) in words. */
export function rosterLineErrorWords(error: string): string {
  const idWords = idNumberMessageWords(error);
  if (idWords) return idWords;
  if (/id ?number/i.test(error)) return '身份证号不正确';
  if (/phone/i.test(error)) return '手机号不正确';
  if (/name/i.test(error)) return '姓名未填写';
  if (/duplicate|already/i.test(error)) return '名单中已有此人';
  if (/column|field/i.test(error)) return '列数不对，应为 姓名,手机号,身份证号';
  // A reason not worded here yet: the BFF's text is English, so say it plainly.
  return '该行信息有误，请核对';
}
