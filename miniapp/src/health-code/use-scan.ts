import { ticketFromQrText, type VerifyResponse } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { confirmDesktopSignIn } from '../accounts/desktop-confirm';
import { useSend } from '../core/use-send';
import { cancelled } from '../core/wx-call';
import { verifyCode } from './api';

export interface Verdict {
  result: VerifyResponse;
  /** When the check was made (epoch ms), shown with the verdict. */
  at: number;
}

/**
 * A gate check: the token comes from the camera (weapp) or is pasted (H5), the
 * BFF verifies its signature and expiry, and the verdict stays until dismissed.
 * The same scanner reads a computer's sign-in QR code: the staff member
 * confirms, and the computer is signed in as them.
 */
export function useScan() {
  const [token, setToken] = useState('');
  const [place, setPlace] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const checking = useSend(verifyCode);
  const signingIn = useSend(confirmDesktopSignIn);

  const verify = async (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) {
      checking.setError('请粘贴或输入码值');
      return;
    }
    checking.setError(null);
    const ticket = ticketFromQrText(trimmed);
    if (ticket) {
      if ((await signingIn.send(ticket)) === 'confirmed') setToken('');
      return;
    }
    signingIn.setError(null);
    const result = await checking.send(trimmed, place.trim() || undefined);
    if (result) setVerdict({ result, at: Date.now() });
  };

  /** weapp: the camera reads the QR, whose text is the token. */
  const scan = async () => {
    checking.setError(null);
    signingIn.setError(null);
    let scanned: string;
    try {
      scanned = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch (caught) {
      if (!cancelled(caught)) checking.setError('无法打开相机扫码，请检查相机权限');
      return;
    }
    await verify(scanned);
  };

  /** Back to scanning: the next person steps up. */
  const dismiss = () => {
    setVerdict(null);
    setToken('');
  };

  return {
    token,
    setToken,
    place,
    setPlace,
    verdict,
    verifying: checking.busy || signingIn.busy,
    error: checking.error ?? signingIn.error,
    verify: () => verify(token),
    scan,
    dismiss,
  };
}
