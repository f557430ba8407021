import { APPEAL_RESOLUTION_EVENT, APPEAL_WORKFLOW, appealTransition } from './appeal.machine';

describe('the appeal workflow', () => {
  it('lets district staff resolve an open appeal, once', () => {
    expect(appealTransition('open', APPEAL_RESOLUTION_EVENT.corrected, ['district'])).toEqual({ ok: true, event: 'correct', from: 'open', to: 'corrected' });
    expect(appealTransition('open', APPEAL_RESOLUTION_EVENT.explained, ['district'])).toEqual({ ok: true, event: 'explain', from: 'open', to: 'explained' });
    expect(appealTransition('corrected', 'explain', ['district'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(appealTransition('explained', 'correct', ['district'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(appealTransition('open', 'correct', [])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it('reopens a corrected appeal only as the system, and only when its correction was lost', () => {
    expect(appealTransition('corrected', 'reopen', ['system'], { correctionRecorded: false })).toEqual({ ok: true, event: 'reopen', from: 'corrected', to: 'open' });
    expect(appealTransition('corrected', 'reopen', ['system'], { correctionRecorded: true })).toMatchObject({
      ok: false,
      refusal: 'GUARD_FAILED',
      message: '"reopen" needs: its correction could not be recorded',
    });
    expect(appealTransition('corrected', 'reopen', ['system'])).toMatchObject({ ok: false, refusal: 'GUARD_FAILED' });
    expect(appealTransition('corrected', 'reopen', ['district'], { correctionRecorded: false })).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(appealTransition('explained', 'reopen', ['system'], { correctionRecorded: false })).toMatchObject({ ok: false, refusal: 'CONFLICT' });
  });

  it('never offers the reopen as a button', () => {
    expect(APPEAL_WORKFLOW.available('open', ['district'])).toEqual(['correct', 'explain']);
    expect(APPEAL_WORKFLOW.available('corrected', ['district', 'system'])).toEqual([]);
  });
});
