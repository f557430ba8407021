import { availableEvents, COMPLAINT_STATUSES, transition, type ComplaintEvent, type ComplaintStatus, type Relation } from './complaint.machine';

describe('the complaint workflow', () => {
  it.each<[ComplaintStatus, ComplaintEvent, Relation[], number | undefined, ComplaintStatus]>([
    ['submitted', 'accept', ['committee-cadre'], undefined, 'accepted'],
    ['submitted', 'accept', ['district'], undefined, 'accepted'],
    ['submitted', 'reject', ['committee-cadre'], undefined, 'rejected'],
    ['accepted', 'dispatch', ['committee-cadre'], undefined, 'dispatched'],
    ['accepted', 'dispatch', ['district'], undefined, 'dispatched'],
    ['dispatched', 'resolve', ['assigned-unit'], undefined, 'resolved'],
    ['resolved', 'rate', ['reporter'], 5, 'closed'],
    ['resolved', 'rate', ['reporter'], 3, 'closed'],
    ['resolved', 'rate', ['reporter'], 2, 'dispatched'],
    ['resolved', 'rate', ['reporter'], 1, 'dispatched'],
    ['resolved', 'autoClose', ['system'], undefined, 'closed'],
    ['closed', 'archive', ['district'], undefined, 'archived'],
    ['closed', 'autoArchive', ['system'], undefined, 'archived'],
    ['rejected', 'archive', ['committee-cadre'], undefined, 'archived'],
  ])('moves a %s complaint on "%s" by %j (stars %s) to %s', (from, event, relations, stars, to) => {
    expect(transition(from, event, relations, { stars })).toEqual({ ok: true, from, to, event });
  });

  it('forbids a role that may never take the step (403), whatever the status', () => {
    expect(transition('submitted', 'accept', ['reporter'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(transition('resolved', 'accept', ['reporter'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(transition('dispatched', 'resolve', ['committee-cadre'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(transition('resolved', 'rate', ['district'], { stars: 5 })).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(transition('dispatched', 'resolve', [])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it('refuses a step the table does not allow from the current status (409)', () => {
    expect(transition('accepted', 'accept', ['committee-cadre'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(transition('closed', 'resolve', ['assigned-unit'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(transition('archived', 'archive', ['district'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(transition('dispatched', 'rate', ['reporter'], { stars: 5 })).toMatchObject({ ok: false, refusal: 'CONFLICT' });
  });

  it('needs a rating of 1 to 5 stars to rate', () => {
    expect(transition('resolved', 'rate', ['reporter'])).toMatchObject({ ok: false, refusal: 'GUARD_FAILED' });
    expect(transition('resolved', 'rate', ['reporter'], { stars: 6 })).toMatchObject({ ok: false, refusal: 'GUARD_FAILED' });
    expect(transition('resolved', 'rate', ['reporter'], { stars: 0 })).toMatchObject({ ok: false, refusal: 'GUARD_FAILED' });
  });

  it('never lets the system step be taken by a person', () => {
    expect(transition('resolved', 'autoClose', ['district'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it('offers each party only its own buttons', () => {
    expect(availableEvents('submitted', ['committee-cadre'])).toEqual(['accept', 'reject']);
    expect(availableEvents('submitted', ['reporter'])).toEqual([]);
    expect(availableEvents('dispatched', ['assigned-unit'])).toEqual(['resolve']);
    expect(availableEvents('resolved', ['reporter'])).toEqual(['rate']);
    expect(availableEvents('resolved', ['district'])).toEqual([]);
    expect(availableEvents('archived', ['district', 'committee-cadre'])).toEqual([]);
  });

  it('leaves no status unreachable and archived as the only end', () => {
    const reachable = new Set<ComplaintStatus>(['submitted']);
    for (let i = 0; i < COMPLAINT_STATUSES.length; i++)
      for (const from of [...reachable])
        for (const event of ['accept', 'reject', 'dispatch', 'resolve', 'rate', 'archive', 'autoClose', 'autoArchive'] as const)
          for (const stars of [1, 5]) {
            const result = transition(from, event, ['committee-cadre', 'district', 'assigned-unit', 'reporter', 'system'], { stars });
            if (result.ok) reachable.add(result.to);
          }
    expect([...reachable].sort()).toEqual([...COMPLAINT_STATUSES].sort());
  });
});
