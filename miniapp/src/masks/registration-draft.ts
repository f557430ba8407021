import { normaliseIdNumber, PHONE_LENGTH, registrationBodySchema, type OrgResponse, type RegistrationBody } from '@sqtb/shared';
import { fieldWords, lengthWording, problemList } from '../core/field-problems';
import { ID_NUMBER_WORDS, idNumberWords } from '../core/id-number-words';
import { maxDigits, maxLength } from '../core/schema-limits';

export interface RegistrationDraft {
  name: string;
  idNumber: string;
  phone: string;
  /** The number WeChat gave (getPhoneNumber), masked: the BFF keeps it whole and uses it when no number is typed. */
  wechatPhone?: string;
  committeeId?: string;
  address: string;
  location?: { lat: number; lng: number };
  /** As typed; a whole number (the schema's range) when sent. */
  householdSize: string;
}

export const emptyRegistration = (): RegistrationDraft => ({ name: '', idNumber: '', phone: '', address: '', householdSize: '' });

const householdSize = (raw: string) => (/^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN);

/** WeChat's number stands in for a typed one; a typed number wins. */
export const usesWechatPhone = (draft: { phone: string; wechatPhone?: string }) => !!draft.wechatPhone && !draft.phone.trim();

/** The fields the resident types, as they will be sent (no phone when WeChat's stands in). */
const typedFields = (draft: RegistrationDraft) => ({
  name: draft.name.trim(),
  idNumber: normaliseIdNumber(draft.idNumber),
  phone: usesWechatPhone(draft) ? undefined : draft.phone.trim(),
  address: draft.address.trim(),
  householdSize: householdSize(draft.householdSize),
});

/** Limits the form shows; the shared schema is their one home. */
const fields = registrationBodySchema.shape;
export const TEXT_MAX = { name: maxLength(fields.name), address: maxLength(fields.address) };
export const HOUSEHOLD_SIZE_DIGITS = maxDigits(fields.householdSize);

/**
 * Every reason the draft cannot be sent yet, in form order; empty when it can.
 * Typed fields are checked by the shared schema; the committee and the place
 * are picked, so only their presence is the form's to check.
 */
export function registrationProblems(draft: RegistrationDraft): string[] {
  const { minValue, maxValue } = fields.householdSize;
  const words = fieldWords(registrationBodySchema, typedFields(draft), {
    name: lengthWording(() => '请填写户主姓名', (max) => `户主姓名最多 ${max} 字`),
    idNumber: () => idNumberWords(draft.idNumber) ?? ID_NUMBER_WORDS.shape,
    phone: `请填写 ${PHONE_LENGTH} 位手机号码`,
    address: lengthWording((min) => `请填写详细住址（至少 ${min} 个字）`, (max) => `详细住址最多 ${max} 字`),
    householdSize: `家庭人数应为 ${minValue}–${maxValue} 人`,
  });
  return problemList(words.name, words.idNumber, words.phone, !draft.committeeId && '请选择所属居委会', words.address, !draft.location && '请选择住址位置', words.householdSize);
}

/** The typed fields as the shared schema reads them; the committee and the place are picked. */
const typedBodySchema = registrationBodySchema.omit({ committeeId: true, location: true });

/** The body to send; call only when `registrationProblems` is empty. */
export function registrationBody(draft: RegistrationDraft): RegistrationBody {
  return { ...typedBodySchema.parse(typedFields(draft)), committeeId: draft.committeeId!, location: draft.location! };
}

/** A committee's area centre: where a household is placed when it picks its committee (H5 has no map). */
export function committeeCentre(org: Pick<OrgResponse, 'committees'>, committeeId: string | undefined) {
  const committee = org.committees.find((c) => c.id === committeeId);
  return committee ? { lat: committee.area.center.lat, lng: committee.area.center.lng } : undefined;
}
