import { placeLookupQuerySchema, scanInSchema, type PlaceLookup } from '@sqtb/shared';
import { useState } from 'react';
import { maxLength } from '../core/schema-limits';
import { useSend } from '../core/use-send';
import { lookupPlaceCode, lookupPlaces } from './api';
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
 * see that place. The BFF tells a real code from a forged one
 * (`POST /api/places/lookup-code`); looking a place up records no visit.
 */
export function usePlaceLookup() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const searching = useSend(lookupPlaces);
  const scanning = useSend(lookupPlaceCode, errorText);

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
    const reply = await scanning.send(text.trim());
    if (reply) setResult({ query: reply.items[0]?.name ?? '', items: reply.items });
  };

  return { query, setQuery, result, busy: searching.busy || scanning.busy, error: searching.error ?? scanning.error, search, scan };
}
