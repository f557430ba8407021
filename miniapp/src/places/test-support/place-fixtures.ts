import type { MyPlace, VisitReply } from '@sqtb/shared';
import { tokenFor } from '../../test-support/health-fixtures';

/** A place code shaped like the BFF's (a compact JWS): only its text matters to the pages. */
export const PLACE_TOKEN = tokenFor('place-1');

export const myPlace: MyPlace = { id: 'p-1', name: '长风大厦', address: '普陀区大渡河路 196 号', kind: 'enterprise', token: PLACE_TOKEN };

export function visitReply(overrides: Partial<VisitReply> = {}): VisitReply {
  return {
    visitId: 'v-1',
    place: { id: 'p-1', name: '长风大厦' },
    nameMasked: '张*',
    color: 'green',
    allowed: true,
    reasons: [],
    at: '2026-03-10T01:00:00.000Z',
    ...overrides,
  };
}

export const invalidPlaceCode = { error: { code: 'INVALID_PLACE_CODE', message: 'not a place code' } };
