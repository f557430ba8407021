import { useCallback, useState } from 'react';
import { INSPECTION_MAX_PHOTOS, type CreateInspection, type InspectionReply } from '@sqtb/shared';
import { usePhotoUploads } from '../complaints/use-photo-uploads';
import { useRetryKey } from '../core/retry-key';
import { useSend } from '../core/use-send';
import { recordInspection } from './api';
import { emptyInspection, inspectionBody, inspectionProblems, type InspectionDraft } from './inspection-draft';

/**
 * One inspection of one shop: the draft, its photos (uploaded as chosen), the
 * problems shown after the first attempt, and the answered grade once sent.
 * `onRecorded` lets the page reload what the new grade changes.
 */
export function useInspection(shopId: string, onRecorded: () => void) {
  const [draft, setDraft] = useState<InspectionDraft>(emptyInspection);
  const photos = usePhotoUploads(INSPECTION_MAX_PHOTOS);
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<InspectionReply | null>(null);
  // A street's network drops answers: a retry after a lost reply sends the same key, so one inspection is kept once.
  const withKey = useRetryKey();
  const sending = useSend((body: CreateInspection) => withKey((key) => recordInspection(shopId, body, key)));

  const change = useCallback((patch: Partial<InspectionDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const problems = inspectionProblems(draft, photos);

  const submit = async () => {
    setTried(true);
    if (problems.length > 0) return;
    const reply = await sending.send(inspectionBody(draft, photos.ids));
    if (!reply) return;
    setResult(reply);
    onRecorded();
  };

  return { draft, change, photos, problems: tried ? problems : [], result, submit, busy: sending.busy, error: sending.error };
}

export type InspectionState = ReturnType<typeof useInspection>;
