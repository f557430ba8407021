import { scanInSchema, type VisitReply } from '@sqtb/shared';
import { useState } from 'react';
import { useSend } from '../core/use-send';
import { scanIn } from './api';
import { readQrWithCamera } from './read-qr';
import { errorText } from '../core/api-error';
import { INVALID_PLACE_CODE_TEXT } from './words';

/**
 * Scanning in at a place: the code's text comes from the camera (weapp) or is
 * pasted (H5, which has no camera); the BFF checks it and answers what the gate
 * must see. A text that is not even a signed code is refused here, in the same words.
 */
export function usePlaceScan() {
  const [text, setText] = useState('');
  const [visit, setVisit] = useState<VisitReply | null>(null);
  const sending = useSend(scanIn, errorText);

  const submit = async (raw: string) => {
    const placeToken = raw.trim();
    if (!placeToken) {
      sending.setError('请粘贴场所码码值');
      return;
    }
    if (!scanInSchema.safeParse({ placeToken }).success) {
      sending.setError(INVALID_PLACE_CODE_TEXT);
      return;
    }
    const reply = await sending.send(placeToken);
    if (reply) setVisit(reply);
  };

  const scan = async () => {
    sending.setError(null);
    try {
      const scanned = await readQrWithCamera();
      if (scanned !== null) await submit(scanned);
    } catch (caught) {
      sending.setError((caught as Error).message);
    }
  };

  /** Back to the scanner: the card is put away. */
  const reset = () => {
    setVisit(null);
    setText('');
    sending.setError(null);
  };

  return { text, setText, visit, busy: sending.busy, error: sending.error, scan, submitText: () => submit(text), reset };
}
