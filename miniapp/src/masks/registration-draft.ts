import { idNumberProblem, normaliseIdNumber, phoneSchema, type OrgResponse } from '@sqtb/shared';
import type { RegistrationBody } from './api';

export interface RegistrationDraft {
  name: string;
  idNumber: string;
  phone: string;
  committeeId?: string;
  address: string;
  location?: { lat: number; lng: number };
  /** As typed; a whole number 1–20 when sent. */
  householdSize: string;
}

export const emptyRegistration = (): RegistrationDraft => ({ name: '', idNumber: '', phone: '', address: '', householdSize: '' });

/** The ID check (GB 11643) in words, or undefined when the number is valid. */
export function idNumberWords(raw: string): string | undefined {
  const problem = idNumberProblem(raw);
  if (!problem) return undefined;
  if (problem.includes('check character')) return '身份证号校验位不正确，请核对最后一位';
  if (problem.includes('date of birth')) return '身份证号中的出生日期不正确';
  return '身份证号应为 18 位：17 位数字加 1 位数字或 X';
}

const householdSize = (raw: string) => (/^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : NaN);

/** Every reason the draft cannot be sent yet, in form order; empty when it can. */
export function registrationProblems(draft: RegistrationDraft): string[] {
  const problems: string[] = [];
  if (!draft.name.trim()) problems.push('请填写户主姓名');
  const idWords = idNumberWords(draft.idNumber);
  if (idWords) problems.push(idWords);
  if (!phoneSchema.safeParse(draft.phone).success) problems.push('请填写 11 位手机号码');
  if (!draft.committeeId) problems.push('请选择所属居委会');
  if (draft.address.trim().length < 4) problems.push('请填写详细住址（至少 4 个字）');
  if (!draft.location) problems.push('请选择住址位置');
  const size = householdSize(draft.householdSize);
  if (!(size >= 1 && size <= 20)) problems.push('家庭人数应为 1–20 人');
  return problems;
}

/** The body to send; call only when `registrationProblems` is empty. */
export function registrationBody(draft: RegistrationDraft): RegistrationBody {
  return {
    name: draft.name.trim(),
    idNumber: normaliseIdNumber(draft.idNumber),
    phone: draft.phone.trim(),
    committeeId: draft.committeeId!,
    address: draft.address.trim(),
    location: draft.location!,
    householdSize: householdSize(draft.householdSize),
  };
}

/** A committee's area centre: where a household is placed when it picks its committee (H5 has no map). */
export function committeeCentre(org: Pick<OrgResponse, 'committees'>, committeeId: string | undefined) {
  const committee = org.committees.find((c) => c.id === committeeId);
  return committee ? { lat: committee.area.center.lat, lng: committee.area.center.lng } : undefined;
}
