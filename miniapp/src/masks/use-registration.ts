import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OrgResponse, RegistrationView } from '@sqtb/shared';
import { withPrivacy } from '../core/privacy';
import { useSend } from '../core/use-send';
import { register } from './api';
import { committeeCentre, emptyRegistration, registrationBody, registrationProblems, type RegistrationDraft } from './registration-draft';

/**
 * 居民信息登记: the household form. The ID number's check character and the
 * other fields are checked here, so a typo is caught before anything is sent.
 */
export function useRegistration(org: OrgResponse, onRegistered: (registration: RegistrationView) => void) {
  const [draft, setDraft] = useState<RegistrationDraft>(emptyRegistration);
  const [problems, setProblems] = useState<string[]>([]);
  const sending = useSend(register);

  const change = (patch: Partial<RegistrationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems([]);
  };

  /** Picking the committee places the household at its area centre until a map pick says better. */
  const pickCommittee = (committeeId: string) => change({ committeeId, location: committeeCentre(org, committeeId) });

  /** weapp: the resident picks the building on WeChat's map. */
  const pickOnMap = async () => {
    try {
      const place = await withPrivacy(() => Taro.chooseLocation({}));
      if (!place) return; // the privacy agreement was declined: the committee centre stays
      change({ location: { lat: place.latitude, lng: place.longitude }, ...(draft.address.trim() ? {} : { address: place.address || place.name }) });
    } catch {
      // Cancelled, or location permission refused: the committee centre stays.
    }
  };

  const submit = async () => {
    const found = registrationProblems(draft);
    setProblems(found);
    if (found.length > 0) return;
    const registration = await sending.send(registrationBody(draft));
    if (registration) onRegistered(registration);
  };

  return { draft, change, pickCommittee, pickOnMap, problems, submit, busy: sending.busy, error: sending.error };
}
