import { shanghaiDate, type DeclarationBody, type HealthCodeResponse } from '@sqtb/shared';
import { useCallback, useRef, useState } from 'react';
import { useSend } from '../core/use-send';
import { useStatusUpdatesOffer } from '../notifications/subscribe-offer';
import { declareHealth } from './api';
import { declarationBody, declarationProblems, emptyDeclaration, type DeclarationDraft, type TripDraft } from './declaration-draft';
import { useRetryKey } from '../core/retry-key';

export interface Declaration {
  draft: DeclarationDraft;
  change: (patch: Partial<DeclarationDraft>) => void;
  addTrip: () => void;
  changeTrip: (key: number, patch: Partial<TripDraft>) => void;
  removeTrip: (key: number) => void;
  today: string;
  problems: string[];
  submitting: boolean;
  error: string | null;
  /** The code after the declaration, once sent. */
  result?: HealthCodeResponse;
  submit: () => Promise<void>;
}

/** The health declaration: fill in, check, send, and keep the new code the BFF answers with. */
export function useDeclaration(): Declaration {
  const [draft, setDraft] = useState<DeclarationDraft>(emptyDeclaration);
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<HealthCodeResponse>();
  const withKey = useRetryKey();
  const offerUpdates = useStatusUpdatesOffer();
  const sending = useSend((body: DeclarationBody) => withKey((key) => declareHealth(body, key)));
  const nextKey = useRef(1);
  const today = shanghaiDate(new Date());

  const change = useCallback((patch: Partial<DeclarationDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const addTrip = () => {
    const key = nextKey.current++;
    setDraft((d) => ({ ...d, travel: [...d.travel, { key, date: today }] }));
  };
  const changeTrip = (key: number, patch: Partial<TripDraft>) =>
    setDraft((d) => ({ ...d, travel: d.travel.map((t) => (t.key === key ? { ...t, ...patch } : t)) }));
  const removeTrip = (key: number) => setDraft((d) => ({ ...d, travel: d.travel.filter((t) => t.key !== key) }));

  const submit = async () => {
    const found = declarationProblems(draft, today);
    setProblems(found);
    if (found.length > 0) return;
    const code = await sending.send(declarationBody(draft));
    if (!code) return;
    setResult(code);
    await offerUpdates('申报成功');
  };

  return { draft, change, addTrip, changeTrip, removeTrip, today, problems, submitting: sending.busy, error: sending.error, result, submit };
}
