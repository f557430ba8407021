import { ROSTER_MAX_ROWS, type OrgResponse, type User } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, type ApiError } from '../core/api-error';
import { ROUTES } from '../core/routes';
import { useRetryKey } from '../core/retry-key';
import { useSend } from '../core/use-send';
import { useStatusUpdatesOffer } from '../notifications/subscribe-offer';
import { amendFiling, createFiling, type FilingBody, type FilingView } from './api';
import {
  draftFromView,
  emptyFilingDraft,
  filingBody,
  firstStepWithProblems,
  loadDraft,
  loadSent,
  parseRosterCsv,
  rememberSent,
  saveDraft,
  STEPS,
  stepProblems,
  type FilingDraft,
  type FilingStep,
  type RosterRow,
} from './filing-draft';

const sendWording = (error: ApiError) => {
  if (error.code === 'CONFLICT') return '该统一社会信用代码已有未结束的复工备案，请在「我的备案」中查看';
  if (error.code === 'FORBIDDEN' && (error.details as { field?: string } | undefined)?.field === 'creditCode') return '该统一社会信用代码不是本企业的，请核对后再提交';
  return errorText(error);
};

export interface FilingForm {
  /** False while a returned filing is still loading into the form. */
  ready: boolean;
  draft: FilingDraft;
  change: (patch: Partial<FilingDraft>) => void;
  step: FilingStep;
  goTo: (step: FilingStep) => void;
  /** Check the current step, then move on. */
  next: () => void;
  back: () => void;
  /** Why the current step cannot be left yet, shown after the first attempt. */
  problems: string[];
  /** Whether the step's problems have been shown once (then fields say theirs too). */
  tried: boolean;
  addRow: () => void;
  changeRow: (key: number, patch: Partial<RosterRow>) => void;
  removeRow: (key: number) => void;
  /** Paste-CSV import into the editor; returns what was read, in words. */
  importCsv: (text: string) => string;
  submitting: boolean;
  error: string | null;
  submit: () => Promise<void>;
}

/**
 * The resumption filing as three steps. The draft is kept on this phone on
 * every change, so an interrupted filing (a call, a crash) can be finished
 * later; amending a returned filing keeps its own draft.
 * `initial` arrives once: the org's enterprise (new filing) or the returned filing.
 */
export function useFilingForm(filingId: string | undefined, initial: { view?: FilingView; me?: User; org?: OrgResponse }): FilingForm {
  const stored = useRef<FilingDraft | undefined | null>(null);
  if (stored.current === null) stored.current = loadDraft(filingId) ?? (filingId ? loadSent(filingId) : undefined);
  const [draft, setDraft] = useState<FilingDraft>(() => stored.current ?? emptyFilingDraft());
  // A returned filing is ready to edit once it has loaded (unless this phone kept a copy).
  const [ready, setReady] = useState(!filingId || stored.current !== undefined);
  const [step, setStep] = useState<FilingStep>('company');
  const [problems, setProblems] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const nextKey = useRef(Math.max(0, ...draft.roster.map((r) => r.key)) + 1);
  const withKey = useRetryKey();
  const offerUpdates = useStatusUpdatesOffer();
  const sending = useSend((body: FilingBody) => (filingId ? amendFiling(filingId, body) : withKey((key) => createFiling(body, key))), sendWording);
  const sent = useRef(false);

  // A returned filing without a copy on this phone: start from what the BFF shows.
  const { view, me, org } = initial;
  useEffect(() => {
    if (ready || !view) return;
    setDraft(draftFromView(view));
    setReady(true);
  }, [ready, view]);

  // A new filing: the enterprise's name, address and committee from the org, where still blank.
  useEffect(() => {
    if (filingId || !me || !org) return;
    const enterprise = org.enterprises.find((e) => e.id === me.scope.enterpriseId);
    if (!enterprise) return;
    setDraft((d) => ({
      ...d,
      enterpriseName: d.enterpriseName || enterprise.name,
      address: d.address || enterprise.address,
      committeeId: d.committeeId ?? enterprise.committeeId,
    }));
  }, [filingId, me, org]);

  useEffect(() => {
    if (ready && !sent.current) saveDraft(draft, filingId);
  }, [draft, filingId, ready]);

  const change = useCallback((patch: Partial<FilingDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  const goTo = (target: FilingStep) => {
    setStep(target);
    setProblems([]);
    setTried(false);
  };
  const next = () => {
    const found = stepProblems(draft, step);
    setProblems(found);
    setTried(true);
    if (found.length > 0) return;
    const index = STEPS.findIndex((s) => s.value === step);
    goTo(STEPS[Math.min(index + 1, STEPS.length - 1)].value);
  };
  const back = () => {
    const index = STEPS.findIndex((s) => s.value === step);
    goTo(STEPS[Math.max(index - 1, 0)].value);
  };

  const addRow = () => {
    const key = nextKey.current++;
    setDraft((d) => ({ ...d, roster: [...d.roster, { key, name: '', phone: '', idNumber: '' }] }));
  };
  const changeRow = (key: number, patch: Partial<RosterRow>) =>
    setDraft((d) => ({ ...d, roster: d.roster.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const removeRow = (key: number) => setDraft((d) => ({ ...d, roster: d.roster.filter((r) => r.key !== key) }));

  const importCsv = (text: string) => {
    const { rows, skipped } = parseRosterCsv(text);
    const room = ROSTER_MAX_ROWS - draft.roster.length;
    const taken = rows.slice(0, Math.max(0, room)).map((row) => ({ ...row, key: nextKey.current++ }));
    setDraft((d) => ({ ...d, roster: [...d.roster, ...taken] }));
    const parts = [`已读入 ${taken.length} 名员工`];
    if (rows.length > taken.length) parts.push(`超出 ${ROSTER_MAX_ROWS} 人上限的 ${rows.length - taken.length} 行未读入`);
    if (skipped.length > 0) parts.push(`第 ${skipped.map((s) => s.line).join('、')} 行不是 3 列，已跳过`);
    return parts.join('；');
  };

  const submit = async () => {
    const stuck = firstStepWithProblems(draft);
    if (stuck) {
      setStep(stuck);
      setProblems(stepProblems(draft, stuck));
      setTried(true);
      return;
    }
    setProblems([]);
    const filed = await sending.send(filingBody(draft));
    if (!filed) return;
    sent.current = true;
    rememberSent(draft, filed.id, filingId);
    await offerUpdates('已提交，等待审核');
    void Taro.redirectTo({ url: ROUTES.filingsMine });
  };

  return {
    ready,
    draft,
    change,
    step,
    goTo,
    next,
    back,
    problems,
    tried,
    addRow,
    changeRow,
    removeRow,
    importCsv,
    submitting: sending.busy,
    error: sending.error,
    submit,
  };
}
