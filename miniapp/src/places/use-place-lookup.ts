import { placeLookupQuerySchema, scanInSchema, type PlaceLookup } from '@sqtb/shared';
import { useState } from 'react';
import { maxLength } from '../core/schema-limits';
import { useSend } from '../core/use-send';
import { lookupPlaces, scanIn } from './api';
import { readQrWithCamera } from './read-qr';
import { errorText } from '../core/api-error';
import { INVALID_PLACE_CODE_TEXT } from './words';

export const LOOKUP_QUERY_MAX = maxLength(placeLookupQuerySchema.shape.q);

export interface LookupResult {
  /** What was searched for (the typed name, or the scanned place's). */
  query: string;
  items: PlaceLookup['items'];
}

/**
 * 企业复工 for the public: search places by name, or scan a place's code and
 * see that place. The scan goes through `POST /api/visits` (the BFF is what
 * tells a real code from a forged one), so it is also recorded as a visit.
 */
export function usePlaceLookup() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const searching = useSend(lookupPlaces);
  const scanning = useSend(scanIn, errorText);

  const search = async () => {
    scanning.setError(null);
    const parsed = placeLookupQuerySchema.shape.q.safeParse(query);
    if (!parsed.success) {
      searching.setError(query.trim() ? `名称最多 ${LOOKUP_QUERY_MAX} 字` : '请输入企业或药店名称');
      return;
    }
    const reply = await searching.send(parsed.data);
    if (reply) setResult({ query: parsed.data, items: reply.items });
  };

  const scan = async () => {
    searching.setError(null);
    scanning.setError(null);
    let text: string | null;
    try {
      text = await readQrWithCamera();
    } catch (caught) {
      scanning.setError((caught as Error).message);
      return;
    }
    if (text === null) return;
    if (!scanInSchema.safeParse({ placeToken: text.trim() }).success) {
      scanning.setError(INVALID_PLACE_CODE_TEXT);
      return;
    }
    const visit = await scanning.send(text.trim());
    if (!visit) return;
    const name = visit.place.name.slice(0, LOOKUP_QUERY_MAX);
    const reply = await searching.send(name);
    if (reply) setResult({ query: visit.place.name, items: reply.items.filter((item) => item.id === visit.place.id) });
  };

  return { query, setQuery, result, busy: searching.busy || scanning.busy, error: searching.error ?? scanning.error, search, scan };
}
