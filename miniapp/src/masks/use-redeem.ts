import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { PICKUP_CODE_LENGTH, PICKUP_CODE_PATTERN, type ReservationView } from '@sqtb/shared';
import { useSend } from '../core/use-send';
import { redeemCode } from './api';
import { redeemErrorText } from './words';

export type RedeemResult = { ok: true; reservation: ReservationView; code: string } | { ok: false; text: string; code: string };

const cancelled = (caught: unknown) => /cancel/i.test((caught as { errMsg?: string } | null)?.errMsg ?? '');
/** Digits only: the resident may read it out as "1234 5678". */
export const cleanCode = (raw: string) => raw.replace(/[\s-]/g, '');

/**
 * 核销: the code is typed (H5, or when the camera fails) or scanned from the
 * resident's QR (weapp); the BFF redeems it once. The outcome stays on screen
 * until the next code.
 */
export function useRedeem(onRedeemed: () => void) {
  const [code, setCode] = useState('');
  const [result, setResult] = useState<RedeemResult | null>(null);
  const failure = useRef('');
  const sending = useSend(redeemCode, (error) => (failure.current = redeemErrorText(error)));

  const redeem = async (raw: string) => {
    const pickupCode = cleanCode(raw);
    setResult(null);
    if (!PICKUP_CODE_PATTERN.test(pickupCode)) {
      sending.setError(`请输入 ${PICKUP_CODE_LENGTH} 位数字取货码`);
      return;
    }
    const reservation = await sending.send(pickupCode);
    if (reservation) {
      setResult({ ok: true, reservation, code: pickupCode });
      setCode('');
      onRedeemed();
    } else {
      setResult({ ok: false, text: failure.current, code: pickupCode });
    }
  };

  const scan = async () => {
    sending.setError(null);
    let scanned: string;
    try {
      scanned = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch (caught) {
      if (!cancelled(caught)) sending.setError('无法打开相机扫码，请检查相机权限，或手动输入取货码');
      return;
    }
    setCode(cleanCode(scanned));
    await redeem(scanned);
  };

  /** Input errors (not a code) show under the field; the BFF's answer shows as the result card. */
  const inputError = result ? null : sending.error;
  return { code, setCode, result, busy: sending.busy, inputError, redeem: () => redeem(code), scan };
}
