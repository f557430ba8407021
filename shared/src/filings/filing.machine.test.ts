import { availableFilingEvents, filingTransition } from './filing.machine';

describe('the filing workflow', () => {
  it('lets the reviewer approve, return or reject a submitted filing', () => {
    expect(filingTransition('submitted', 'approve', ['reviewer'], { redEmployees: 0 })).toEqual({ ok: true, event: 'approve', from: 'submitted', to: 'approved' });
    expect(filingTransition('submitted', 'return', ['reviewer'])).toEqual({ ok: true, event: 'return', from: 'submitted', to: 'returned' });
    expect(filingTransition('submitted', 'reject', ['reviewer'])).toEqual({ ok: true, event: 'reject', from: 'submitted', to: 'rejected' });
  });

  it('sends an amended filing back to the reviewer, and only its owner amends', () => {
    expect(filingTransition('returned', 'amend', ['owner'])).toEqual({ ok: true, event: 'amend', from: 'returned', to: 'submitted' });
    expect(filingTransition('returned', 'amend', ['reviewer'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(filingTransition('approved', 'amend', ['owner'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
  });

  it('refuses a decided filing a second decision', () => {
    expect(filingTransition('approved', 'reject', ['reviewer'])).toMatchObject({ ok: false, refusal: 'CONFLICT', message: 'An approved filing cannot be sent "reject"' });
    expect(filingTransition('submitted', 'approve', ['owner'], { redEmployees: 0 })).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it('approves only with no returning employee on red, and says so by name', () => {
    expect(filingTransition('submitted', 'approve', ['reviewer'], { redEmployees: 1 })).toEqual({
      ok: false,
      refusal: 'GUARD_FAILED',
      message: '"approve" needs: no returning employee with a red health code',
    });
    expect(filingTransition('submitted', 'approve', ['reviewer'])).toMatchObject({ ok: false, refusal: 'GUARD_FAILED' });
  });

  it('offers each party its own buttons', () => {
    expect(availableFilingEvents('submitted', ['reviewer'])).toEqual(['approve', 'return', 'reject']);
    expect(availableFilingEvents('submitted', ['owner'])).toEqual([]);
    expect(availableFilingEvents('returned', ['owner'])).toEqual(['amend']);
  });
});
