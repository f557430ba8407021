import {
  CONTACT_RULES_VERSION,
  CONTACT_WINDOW_DAYS,
  OVERLAP_MINUTES,
  contactCandidates,
  contactWindow,
  type ContactCandidate,
  type PlaceVisit,
} from './contact.rules';

/**
 * Table tests written from the doc comment of contact.rules.ts and the issue:
 * the case's visits on the 14 Shanghai days up to and including the status date
 * count; another person whose visit to the same place was within 60 minutes
 * (bound included) of one of them is a candidate, named once with their earliest
 * overlapping visit; the case and anyone excluded never are.
 */

const CASE = 'case-user';
const STATUS = '2026-03-14'; // window 2026-03-01..2026-03-14
const MINUTE = 60_000;

const at = (iso: string) => new Date(iso);
const visit = (userId: string, placeId: string, iso: string): PlaceVisit => ({ userId, placeId, at: at(iso) });
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);
/** Candidates as plain, comparable rows. */
const rows = (list: ContactCandidate[]) =>
  list.map((c) => ({
    userId: c.userId,
    placeId: c.placeId,
    overlapAt: c.overlapAt.toISOString(),
    caseVisitAt: c.caseVisitAt.toISOString(),
  }));
const iso = (s: string) => at(s).toISOString();

describe('constants', () => {
  it('has a non-empty rules version', () => {
    expect(typeof CONTACT_RULES_VERSION).toBe('string');
    expect(CONTACT_RULES_VERSION.trim().length).toBeGreaterThan(0);
  });
  it('uses a 14-day window and a 60-minute overlap', () => {
    expect(CONTACT_WINDOW_DAYS).toBe(14);
    expect(OVERLAP_MINUTES).toBe(60);
  });
});

describe('contactWindow', () => {
  it.each([
    // [status date, first day, last day, why]
    ['2026-03-14', '2026-03-01', '2026-03-14', '14 days including the status date'],
    ['2026-03-05', '2026-02-20', '2026-03-05', 'crosses into a 28-day February'],
    ['2024-03-05', '2024-02-21', '2024-03-05', 'crosses into a leap-year February'],
    ['2026-01-05', '2025-12-23', '2026-01-05', 'crosses the year'],
    ['2026-12-31', '2026-12-18', '2026-12-31', 'ends on the last day of the year'],
  ])('for status on %s runs %s..%s (%s)', (status, from, to) => {
    expect(contactWindow(status)).toEqual({ from, to });
  });

  it('spans exactly CONTACT_WINDOW_DAYS days', () => {
    const { from, to } = contactWindow(STATUS);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
    expect(days).toBe(CONTACT_WINDOW_DAYS);
  });
});

describe('which of the case’s visits count (status date 2026-03-14)', () => {
  // The other person is at the same place 30 minutes on the side that stays inside
  // the case visit's own Shanghai day, so only the case visit's date decides.
  it.each([
    // [case visit (Shanghai time), other's visit, counts?, why]
    ['2026-03-01T12:00:00+08:00', '2026-03-01T12:30:00+08:00', true, 'first day of the window'],
    ['2026-02-28T12:00:00+08:00', '2026-02-28T12:30:00+08:00', false, 'the day before the window'],
    ['2026-03-14T12:00:00+08:00', '2026-03-14T11:30:00+08:00', true, 'the status date itself'],
    ['2026-03-15T12:00:00+08:00', '2026-03-15T11:30:00+08:00', false, 'the day after the status date'],
    ['2026-03-01T00:00:00+08:00', '2026-03-01T00:30:00+08:00', true, 'Shanghai midnight opening the first day (UTC 2026-02-28T16:00Z)'],
    ['2026-02-28T23:59:00+08:00', '2026-02-28T23:29:00+08:00', false, '23:59 Shanghai the day before the window'],
    ['2026-03-01T07:59:00+08:00', '2026-03-01T08:29:00+08:00', true, 'first day in Shanghai though still 2026-02-28 in UTC'],
    ['2026-03-14T23:59:00+08:00', '2026-03-14T23:29:00+08:00', true, '23:59 Shanghai on the status date (UTC 15:59Z)'],
    ['2026-03-15T00:00:00+08:00', '2026-03-15T00:30:00+08:00', false, 'Shanghai midnight after the status date, though UTC 2026-03-14T16:00Z'],
    ['2026-03-15T07:59:00+08:00', '2026-03-15T07:29:00+08:00', false, 'the day after in Shanghai though still 2026-03-14 in UTC'],
    ['2026-03-14T08:00:00+08:00', '2026-03-14T08:30:00+08:00', true, 'status date in Shanghai, UTC midnight of the same date'],
  ])('case at %s, other at %s → counts: %s (%s)', (caseAt, otherAt, counts) => {
    const result = contactCandidates(CASE, [visit(CASE, 'P', caseAt)], [visit('u1', 'P', otherAt)], STATUS);
    if (counts) {
      expect(rows(result)).toEqual([{ userId: 'u1', placeId: 'P', overlapAt: iso(otherAt), caseVisitAt: iso(caseAt) }]);
    } else {
      expect(result).toEqual([]);
    }
  });

  it('windows only the case’s visits: another’s visit the evening before the window still meets a first-day case visit', () => {
    const caseAt = '2026-03-01T00:20:00+08:00';
    const otherAt = '2026-02-28T23:40:00+08:00';
    const result = contactCandidates(CASE, [visit(CASE, 'P', caseAt)], [visit('u1', 'P', otherAt)], STATUS);
    expect(rows(result)).toEqual([{ userId: 'u1', placeId: 'P', overlapAt: iso(otherAt), caseVisitAt: iso(caseAt) }]);
  });

  it('a case visit just before the window does not pull in a visit just inside it', () => {
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', '2026-02-28T23:40:00+08:00')],
      [visit('u1', 'P', '2026-03-01T00:20:00+08:00')],
      STATUS,
    );
    expect(result).toEqual([]);
  });
});

describe('the overlap', () => {
  const caseAt = '2026-03-10T10:00:00+08:00';
  it.each([
    // [other's offset from the case visit in ms, same place?, counts?, why]
    [0, true, true, 'at the same instant'],
    [-60 * MINUTE, true, true, '60 minutes before: the bound is included'],
    [60 * MINUTE, true, true, '60 minutes after: the bound is included'],
    [-61 * MINUTE, true, false, '61 minutes before'],
    [61 * MINUTE, true, false, '61 minutes after'],
    [59 * MINUTE + 59_000, true, true, '59:59 after'],
    [-(59 * MINUTE + 59_000), true, true, '59:59 before'],
    [60 * MINUTE + 1, true, false, 'one millisecond past the bound, after'],
    [-(60 * MINUTE + 1), true, false, 'one millisecond past the bound, before'],
    [0, false, false, 'a different place at the same time'],
    [30 * MINUTE, false, false, 'a different place 30 minutes after'],
  ])('other at offset %i ms, same place %s → counts: %s (%s)', (offset, samePlace, counts) => {
    const other: PlaceVisit = { userId: 'u1', placeId: samePlace ? 'P' : 'Q', at: shift(caseAt, offset) };
    const result = contactCandidates(CASE, [visit(CASE, 'P', caseAt)], [other], STATUS);
    if (counts) {
      expect(rows(result)).toEqual([
        { userId: 'u1', placeId: 'P', overlapAt: shift(caseAt, offset).toISOString(), caseVisitAt: iso(caseAt) },
      ]);
    } else {
      expect(result).toEqual([]);
    }
  });
});

describe('each candidate once, with their earliest overlapping visit', () => {
  it('names a person with several overlapping visits once, at the earliest one', () => {
    const caseAt = '2026-03-10T10:00:00+08:00';
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', caseAt)],
      [
        visit('u1', 'P', '2026-03-10T10:40:00+08:00'),
        visit('u1', 'P', '2026-03-10T09:20:00+08:00'),
        visit('u1', 'P', '2026-03-10T10:05:00+08:00'),
      ],
      STATUS,
    );
    expect(rows(result)).toEqual([
      { userId: 'u1', placeId: 'P', overlapAt: iso('2026-03-10T09:20:00+08:00'), caseVisitAt: iso(caseAt) },
    ]);
  });

  it('ignores a person’s earlier non-overlapping visit when choosing the earliest overlapping one', () => {
    const caseAt = '2026-03-10T10:00:00+08:00';
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', caseAt)],
      [
        visit('u1', 'P', '2026-03-10T07:00:00+08:00'), // too early
        visit('u1', 'Q', '2026-03-10T09:50:00+08:00'), // other place
        visit('u1', 'P', '2026-03-10T10:30:00+08:00'),
      ],
      STATUS,
    );
    expect(rows(result)).toEqual([
      { userId: 'u1', placeId: 'P', overlapAt: iso('2026-03-10T10:30:00+08:00'), caseVisitAt: iso(caseAt) },
    ]);
  });

  it('names a person once across several places, with the earliest overlap and the case visit it met', () => {
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', '2026-03-05T10:00:00+08:00'), visit(CASE, 'Q', '2026-03-03T18:00:00+08:00')],
      [visit('u1', 'P', '2026-03-05T10:10:00+08:00'), visit('u1', 'Q', '2026-03-03T18:30:00+08:00')],
      STATUS,
    );
    expect(rows(result)).toEqual([
      { userId: 'u1', placeId: 'Q', overlapAt: iso('2026-03-03T18:30:00+08:00'), caseVisitAt: iso('2026-03-03T18:00:00+08:00') },
    ]);
  });

  it('counts once a visit that overlaps two of the case’s visits', () => {
    const first = '2026-03-10T10:00:00+08:00';
    const second = '2026-03-10T11:00:00+08:00';
    const otherAt = '2026-03-10T10:30:00+08:00';
    const result = contactCandidates(CASE, [visit(CASE, 'P', first), visit(CASE, 'P', second)], [visit('u1', 'P', otherAt)], STATUS);
    expect(result).toHaveLength(1);
    expect(result[0].userId).toBe('u1');
    expect(result[0].placeId).toBe('P');
    expect(result[0].overlapAt.toISOString()).toBe(iso(otherAt));
    // Which of the two it is reported against is not specified: either is a case visit it met.
    expect([iso(first), iso(second)]).toContain(result[0].caseVisitAt.toISOString());
  });

  it('reports against a case visit that the overlapping visit really met', () => {
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', '2026-03-10T08:00:00+08:00'), visit(CASE, 'P', '2026-03-10T12:00:00+08:00')],
      [visit('u1', 'P', '2026-03-10T12:45:00+08:00')],
      STATUS,
    );
    expect(rows(result)).toEqual([
      { userId: 'u1', placeId: 'P', overlapAt: iso('2026-03-10T12:45:00+08:00'), caseVisitAt: iso('2026-03-10T12:00:00+08:00') },
    ]);
  });
});

describe('several case visits to several places', () => {
  const caseVisits = [
    visit(CASE, 'market', '2026-03-12T09:00:00+08:00'),
    visit(CASE, 'clinic', '2026-03-04T14:00:00+08:00'),
    visit(CASE, 'canteen', '2026-03-08T12:00:00+08:00'),
  ];
  const otherVisits = [
    visit('a', 'market', '2026-03-12T09:45:00+08:00'),
    visit('b', 'clinic', '2026-03-04T13:30:00+08:00'),
    visit('c', 'canteen', '2026-03-08T12:59:00+08:00'),
    visit('d', 'market', '2026-03-08T12:00:00+08:00'), // canteen time, wrong place
    visit('e', 'clinic', '2026-03-04T15:01:00+08:00'), // 61 minutes after
    visit('f', 'canteen', '2026-02-20T12:00:00+08:00'), // another day
  ];

  it('finds everyone who met the case and sorts them by overlap time', () => {
    expect(rows(contactCandidates(CASE, caseVisits, otherVisits, STATUS))).toEqual([
      { userId: 'b', placeId: 'clinic', overlapAt: iso('2026-03-04T13:30:00+08:00'), caseVisitAt: iso('2026-03-04T14:00:00+08:00') },
      { userId: 'c', placeId: 'canteen', overlapAt: iso('2026-03-08T12:59:00+08:00'), caseVisitAt: iso('2026-03-08T12:00:00+08:00') },
      { userId: 'a', placeId: 'market', overlapAt: iso('2026-03-12T09:45:00+08:00'), caseVisitAt: iso('2026-03-12T09:00:00+08:00') },
    ]);
  });

  it('sorts by overlap time whatever the order of the inputs', () => {
    const forward = rows(contactCandidates(CASE, caseVisits, otherVisits, STATUS));
    const reversed = rows(contactCandidates(CASE, [...caseVisits].reverse(), [...otherVisits].reverse(), STATUS));
    expect(reversed).toEqual(forward);
    const times = forward.map((r) => Date.parse(r.overlapAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('sorts by the overlapping visit’s time, not the case visit’s', () => {
    // Case visits 10:00 and 10:50 at P and Q; x met 10:50 at 10:05, y met 10:00 at 10:55.
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', '2026-03-10T10:00:00+08:00'), visit(CASE, 'Q', '2026-03-10T10:50:00+08:00')],
      [visit('y', 'P', '2026-03-10T10:55:00+08:00'), visit('x', 'Q', '2026-03-10T10:05:00+08:00')],
      STATUS,
    );
    expect(result.map((c) => c.userId)).toEqual(['x', 'y']);
  });
});

describe('who is never a candidate', () => {
  const caseAt = '2026-03-10T10:00:00+08:00';

  it('never proposes the case themselves, even from otherVisits', () => {
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', caseAt)],
      [visit(CASE, 'P', '2026-03-10T10:10:00+08:00'), visit('u1', 'P', '2026-03-10T10:20:00+08:00')],
      STATUS,
    );
    expect(result.map((c) => c.userId)).toEqual(['u1']);
  });

  it.each([
    // [excluded, expected candidates, why]
    [[], ['u1', 'u2', 'u3'], 'nobody excluded'],
    [['u2'], ['u1', 'u3'], 'a dismissed person is not proposed again'],
    [['u1', 'u3'], ['u2'], 'several excluded'],
    [['u1', 'u2', 'u3'], [], 'everyone excluded'],
    [['someone-else'], ['u1', 'u2', 'u3'], 'excluding a stranger changes nothing'],
  ])('excluded %j → %j (%s)', (excluded, expected) => {
    const result = contactCandidates(
      CASE,
      [visit(CASE, 'P', caseAt)],
      [
        visit('u1', 'P', '2026-03-10T09:10:00+08:00'),
        visit('u2', 'P', '2026-03-10T09:40:00+08:00'),
        visit('u3', 'P', '2026-03-10T10:30:00+08:00'),
      ],
      STATUS,
      new Set(excluded),
    );
    expect(result.map((c) => c.userId)).toEqual(expected);
  });

  it('ignores visits in caseVisits made by someone other than the case', () => {
    const result = contactCandidates(
      CASE,
      [visit('stranger', 'Q', '2026-03-10T10:00:00+08:00'), visit(CASE, 'P', caseAt)],
      [visit('u1', 'Q', '2026-03-10T10:05:00+08:00'), visit('u2', 'P', '2026-03-10T10:15:00+08:00')],
      STATUS,
    );
    expect(rows(result)).toEqual([
      { userId: 'u2', placeId: 'P', overlapAt: iso('2026-03-10T10:15:00+08:00'), caseVisitAt: iso(caseAt) },
    ]);
  });

  it('finds nobody when caseVisits holds only other people’s visits', () => {
    const result = contactCandidates(
      CASE,
      [visit('stranger', 'P', caseAt)],
      [visit('u1', 'P', '2026-03-10T10:05:00+08:00')],
      STATUS,
    );
    expect(result).toEqual([]);
  });
});

describe('empty inputs', () => {
  const one = [visit(CASE, 'P', '2026-03-10T10:00:00+08:00')];
  const other = [visit('u1', 'P', '2026-03-10T10:05:00+08:00')];
  it.each([
    ['no visits at all', [], []],
    ['no case visits', [], other],
    ['no other visits', one, []],
  ])('%s → no candidates', (_why, caseVisits, otherVisits) => {
    expect(contactCandidates(CASE, caseVisits, otherVisits, STATUS)).toEqual([]);
  });
});

describe('purity', () => {
  const caseVisits = [
    visit(CASE, 'P', '2026-03-10T10:00:00+08:00'),
    visit(CASE, 'Q', '2026-03-02T18:00:00+08:00'),
    visit(CASE, 'P', '2026-02-20T10:00:00+08:00'),
  ];
  const otherVisits = [
    visit('u2', 'P', '2026-03-10T10:30:00+08:00'),
    visit('u1', 'Q', '2026-03-02T17:15:00+08:00'),
    visit('u1', 'Q', '2026-03-02T18:45:00+08:00'),
    visit('u3', 'P', '2026-02-20T10:10:00+08:00'),
  ];
  const snapshot = (list: PlaceVisit[]) => list.map((v) => ({ ...v, at: v.at.toISOString() }));

  it('does not mutate its inputs', () => {
    const caseBefore = snapshot(caseVisits);
    const otherBefore = snapshot(otherVisits);
    const excluded = new Set(['u3']);
    const result = contactCandidates(CASE, caseVisits, otherVisits, STATUS, excluded);
    expect(result.map((c) => c.userId)).toEqual(['u1', 'u2']);
    expect(snapshot(caseVisits)).toEqual(caseBefore);
    expect(snapshot(otherVisits)).toEqual(otherBefore);
    expect([...excluded]).toEqual(['u3']);
  });

  it('gives the same answer twice', () => {
    const first = rows(contactCandidates(CASE, caseVisits, otherVisits, STATUS));
    const second = rows(contactCandidates(CASE, caseVisits, otherVisits, STATUS));
    expect(first).toHaveLength(2);
    expect(second).toEqual(first);
  });
});
