import { useCallback, useEffect, useState } from 'react';
import { ensurePrivacyAgreed, privacyAgreementNeeded } from './privacy';

export interface PrivacyGateState {
  /** Null while WeChat is asked; then whether the agreement is given (always on H5). */
  agreed: boolean | null;
  /** Ask for the agreement (the privacy page) if it is not given yet; true once it is. */
  ask: () => Promise<boolean>;
}

/**
 * The privacy agreement for what is shown, not called: a `getPhoneNumber`
 * button works on a tap WeChat handles itself, so it is rendered only once the
 * agreement is given (see `PrivacyGate`). Calls go through `withPrivacy`.
 */
export function usePrivacyGate(): PrivacyGateState {
  const [agreed, setAgreed] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void privacyAgreementNeeded().then((needed) => {
      if (live) setAgreed(!needed);
    });
    return () => {
      live = false;
    };
  }, []);
  const ask = useCallback(async () => {
    const given = await ensurePrivacyAgreed();
    setAgreed(given);
    return given;
  }, []);
  return { agreed, ask };
}
