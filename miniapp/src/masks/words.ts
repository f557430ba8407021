import { PICKUP_CODE_LENGTH, type RegistrationStatus, type ReservationStatus } from '@sqtb/shared';
import { errorText, type ApiError } from '../core/api-error';

type Tone = 'blue' | 'orange' | 'green' | 'grey' | 'red';

export const RESERVATION_STATUS: Record<ReservationStatus, { label: string; tone: Tone }> = {
  pending_review: { label: '待居委审核', tone: 'orange' },
  applied: { label: '已报名摇号', tone: 'blue' },
  approved: { label: '待取货', tone: 'green' },
  lost: { label: '未中签', tone: 'grey' },
  rejected: { label: '未通过', tone: 'red' },
  redeemed: { label: '已领取', tone: 'grey' },
  expired: { label: '已过期', tone: 'grey' },
};

export const REGISTRATION_STATUS: Record<RegistrationStatus, { label: string; tone: Tone }> = {
  approved: { label: '已登记', tone: 'green' },
  pending_review: { label: '待居委审核', tone: 'orange' },
  rejected: { label: '登记未通过', tone: 'red' },
};

/** Why a reservation or registration is where it is, in words for the resident (the BFF sends codes). */
const REASONS: Record<string, string> = {
  'household-not-registered': '您的家庭尚未登记：居委审核通过后才会分配药店和取货码。',
  'household-registration-pending': '您的家庭登记正在审核：居委审核通过后才会分配药店和取货码。',
  'lottery-application': '本轮采用摇号：预约截止后统一摇号，中签后这里会显示药店和取货码。',
  'address-outside-committee': '登记地址不在所选居委辖区内，需居委人工审核。',
  'address-already-registered': '该地址已有家庭登记，需居委人工审核。',
  'rejected-by-cadre': '居委审核未通过，如有疑问请联系居委。',
};

/** Status words that say what happens next, for statuses without a pickup code. */
const NEXT: Partial<Record<ReservationStatus, string>> = {
  pending_review: '您的预约需要居委审核，通过后会分配药店和取货码。',
  applied: '已报名本轮摇号，预约截止后统一摇号，中签后显示药店和取货码。',
  lost: '很遗憾，本轮未中签，请关注下一轮预约。',
  rejected: '居委审核未通过本次预约，如有疑问请联系居委。',
  redeemed: '口罩已领取。',
  expired: '未在取货期限内领取，预约已失效，口罩已退回药店。',
};

export const reasonText = (reason: string | undefined): string | undefined => (reason ? (REASONS[reason] ?? reason) : undefined);

/** What a reservation in this status means for the resident: the reason if there is one, else the next step. */
export const reservationExplanation = (status: ReservationStatus, reason?: string): string | undefined =>
  (reason && REASONS[reason]) || NEXT[status];

/** The 409s of a reservation in plain words. */
const RESERVE_CONFLICTS: Record<string, string> = {
  QUOTA_EXCEEDED: '本轮已预约：每户每轮只能预约一次',
  OUT_OF_STOCK: '附近药店均已无货，请等待药店补货或下一轮预约',
  ROUND_CLOSED: '当前没有开放的预约，请关注下一轮',
};
export const reserveErrorText = (error: ApiError): string => RESERVE_CONFLICTS[error.code] ?? errorText(error);

/** A pickup code that cannot be redeemed, in words for the pharmacist. */
export function redeemErrorText(error: ApiError): string {
  const current = (error.details as { currentStatus?: string } | undefined)?.currentStatus;
  if (error.status === 409) {
    if (current === 'redeemed') return '该取货码已核销，请勿重复发放';
    if (current === 'expired') return '该取货码已过期，不能发放';
    if (current === 'pending_review' || current === 'applied') return '该预约尚未通过，不能发放';
    return '该取货码当前不能核销';
  }
  if (error.status === 403) return '该取货码不属于本药店，请居民到预约的药店领取';
  if (error.status === 404) return '取货码不存在，请核对后重试';
  if (error.code === 'VALIDATION_FAILED') return `请输入 ${PICKUP_CODE_LENGTH} 位数字取货码`;
  return errorText(error);
}

/** 12345678 → "1234 5678", easier to read out at the counter. */
export const groupedCode = (code: string) => code.replace(/^(\d{4})(\d{4})$/, '$1 $2');

/** "350 米" / "1.2 公里". */
export const distanceText = (meters: number) => (meters < 1000 ? `${Math.round(meters)} 米` : `${(meters / 1000).toFixed(1)} 公里`);

/** Time left until pickupBy: "1 天 23 小时 05 分 09 秒", or null once it has passed. */
export function pickupCountdown(pickupBy: string | undefined, now: number): string | null {
  if (!pickupBy) return null;
  const left = Math.floor((Date.parse(pickupBy) - now) / 1000);
  if (!Number.isFinite(left) || left <= 0) return null;
  const days = Math.floor(left / 86_400);
  const hours = Math.floor((left % 86_400) / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = left % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days > 0 ? `${days} 天 ` : ''}${hours} 小时 ${pad(minutes)} 分 ${pad(seconds)} 秒`;
}
