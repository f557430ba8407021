import { defineWorkflow, guard } from './workflow';

type S = 'draft' | 'sent' | 'done';
type E = 'send' | 'finish' | 'expire';
type A = 'author' | 'editor' | 'system';

const long = guard<{ words?: number }>('at least 10 words', (c) => (c.words ?? 0) >= 10);
const short = guard<{ words?: number }>('fewer than 10 words', (c) => c.words !== undefined && c.words < 10);

const doc = defineWorkflow<S, E, A, { words?: number }>({
  name: 'document',
  statuses: ['draft', 'sent', 'done'],
  rules: [
    { event: 'send', from: 'draft', to: 'sent', by: ['author'] },
    { event: 'finish', from: 'sent', to: 'done', by: ['editor'], guard: long },
    { event: 'finish', from: 'sent', to: 'draft', by: ['editor'], guard: short },
    { event: 'expire', from: 'sent', to: 'done', by: ['system'] },
  ],
});

describe('a workflow defined as a table', () => {
  it('answers a step it allows with the event, where it came from and where it goes', () => {
    expect(doc.transition('draft', 'send', ['author'])).toEqual({ ok: true, event: 'send', from: 'draft', to: 'sent' });
  });

  it('forbids actors who may never send the event, whatever the status', () => {
    expect(doc.transition('draft', 'send', ['editor'])).toEqual({ ok: false, refusal: 'FORBIDDEN', message: 'You may not send this document' });
    expect(doc.transition('done', 'send', ['editor'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(doc.transition('sent', 'expire', ['author', 'editor'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });

  it('is a conflict when the event does not leave the current status for actors who could send it elsewhere', () => {
    expect(doc.transition('sent', 'send', ['author'])).toEqual({ ok: false, refusal: 'CONFLICT', message: 'A sent document cannot be sent "send"' });
  });

  it('picks the rule whose guard holds, and names the guards when none does', () => {
    expect(doc.transition('sent', 'finish', ['editor'], { words: 12 })).toMatchObject({ ok: true, to: 'done' });
    expect(doc.transition('sent', 'finish', ['editor'], { words: 3 })).toMatchObject({ ok: true, to: 'draft' });
    expect(doc.transition('sent', 'finish', ['editor'])).toEqual({ ok: false, refusal: 'GUARD_FAILED', message: '"finish" needs: at least 10 words or fewer than 10 words' });
  });

  it('offers people their buttons, never a system step, guards unchecked', () => {
    expect(doc.available('sent', ['editor', 'system'])).toEqual(['finish']);
    expect(doc.available('sent', ['system'])).toEqual([]);
    expect(doc.available('draft', ['author'])).toEqual(['send']);
  });

  it('refuses a table naming an unknown status, nobody, or two unguarded rules for one step', () => {
    expect(() => defineWorkflow<string, string, string>({ name: 'x', statuses: ['a'], rules: [{ event: 'go', from: 'a', to: 'b', by: ['me'] }] })).toThrow('unknown status "b"');
    expect(() => defineWorkflow<string, string, string>({ name: 'x', statuses: ['a', 'b'], rules: [{ event: 'go', from: 'a', to: 'b', by: [] }] })).toThrow('lets nobody');
    expect(() =>
      defineWorkflow<string, string, string>({
        name: 'x',
        statuses: ['a', 'b'],
        rules: [
          { event: 'go', from: 'a', to: 'b', by: ['me'] },
          { event: 'go', from: 'a', to: 'a', by: ['me'] },
        ],
      }),
    ).toThrow('each needs a guard');
  });
});
