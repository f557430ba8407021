import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { NearbyComplaint } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { asApiError, errorText, type ApiError } from '../core/api-error';
import { showDone } from '../core/feedback';
import { complaintDetailUrl } from '../core/routes';
import { useStatusUpdatesOffer } from '../notifications/subscribe-offer';
import { fetchNearby, fileComplaint, meToo } from './api';
import { createBody, draftProblems, emptyDraft, type ReportDraft } from './report-draft';
import { usePhotoUploads, type PhotoUploads } from './use-photo-uploads';
import { useRetryKey } from '../core/retry-key';

export type ReportStep = 'form' | 'duplicates';

export interface ReportFlow {
  draft: ReportDraft;
  change: (patch: Partial<ReportDraft>) => void;
  photos: PhotoUploads;
  step: ReportStep;
  /** Why the form cannot be sent yet, shown after the first attempt. */
  problems: string[];
  /** Open same-category reports within 100 m, found before the final submit. */
  nearby: NearbyComplaint[];
  /** The nearby check failed: the resident may still submit. */
  nearbyError: string | null;
  /** Reports this resident joined with "me too", and their new counts. */
  joined: Record<string, number>;
  pending: null | 'checking' | 'submitting' | `metoo:${string}`;
  error: string | null;
  /** Check the draft, then look for duplicates nearby (or submit when there are none). */
  next: () => Promise<void>;
  submit: () => Promise<void>;
  joinMeToo: (id: string) => Promise<void>;
  backToForm: () => void;
}

const metooText = (error: ApiError) =>
  error.code === 'CONFLICT' ? '无法添加：可能是您自己的反映、已经添加过，或该事项已办结' : errorText(error);

/**
 * The resident's report: fill in the form, see open reports of the same kind
 * within 100 m ("我也遇到了" instead of a duplicate), then submit and land on the
 * new matter's detail page.
 */
export function useReportFlow(): ReportFlow {
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const photos = usePhotoUploads();
  const [step, setStep] = useState<ReportStep>('form');
  const [problems, setProblems] = useState<string[]>([]);
  const [nearby, setNearby] = useState<NearbyComplaint[]>([]);
  const [nearbyError, setNearbyError] = useState<string | null>(null);
  const [joined, setJoined] = useState<Record<string, number>>({});
  const [pending, setPending] = useState<ReportFlow['pending']>(null);
  const [error, setError] = useState<string | null>(null);

  const change = useCallback((patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  const fail = (caught: unknown, wording: (e: ApiError) => string = errorText) => {
    const failure = asApiError(caught);
    leaveIfUnauthenticated(failure);
    setError(wording(failure));
  };

  const withKey = useRetryKey();
  const offerUpdates = useStatusUpdatesOffer();
  const submit = async () => {
    setPending('submitting');
    setError(null);
    try {
      const filed = await withKey((key) => fileComplaint(createBody(draft, photos.ids), key));
      await offerUpdates('已提交');
      void Taro.redirectTo({ url: complaintDetailUrl(filed.id) });
    } catch (caught) {
      fail(caught);
    } finally {
      setPending(null);
    }
  };

  const next = async () => {
    const found = draftProblems(draft, photos);
    setProblems(found);
    setError(null);
    if (found.length > 0 || !draft.location || !draft.category) return;
    setPending('checking');
    let duplicates: NearbyComplaint[];
    try {
      duplicates = await fetchNearby(draft.location, draft.category);
      setNearbyError(null);
    } catch (caught) {
      const failure = asApiError(caught);
      leaveIfUnauthenticated(failure);
      setPending(null);
      setNearby([]);
      setNearbyError(`暂时无法查询附近的相同问题（${errorText(failure)}）`);
      setStep('duplicates');
      return;
    }
    setPending(null);
    if (duplicates.length === 0) {
      await submit();
      return;
    }
    setNearby(duplicates);
    setStep('duplicates');
  };

  const joinMeToo = async (id: string) => {
    setPending(`metoo:${id}`);
    setError(null);
    try {
      const { meTooCount } = await meToo(id);
      setJoined((j) => ({ ...j, [id]: meTooCount }));
      void showDone('已记录');
    } catch (caught) {
      fail(caught, metooText);
    } finally {
      setPending(null);
    }
  };

  const backToForm = () => {
    setStep('form');
    setError(null);
  };

  return { draft, change, photos, step, problems, nearby, nearbyError, joined, pending, error, next, submit, joinMeToo, backToForm };
}
