import { startTestApp, type TestApp } from '../../test/test-app';
import { referenceCache } from './reference-cache';

/** Two caches of one name stand for two BFF instances sharing a database. */
describe('reference cache', () => {
  let app: TestApp;
  let clock = 0;
  const now = () => clock;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  function source(initial: string) {
    const state = { value: initial, loads: 0 };
    return { state, load: async () => { state.loads += 1; return state.value; } };
  }

  it('loads once, then serves from memory until its check interval passes', async () => {
    const data = source('v1');
    const cache = referenceCache('test-once', data.load, { now });
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['v1', 'v1', 'v1']);
    expect(data.state.loads).toBe(1);
    clock += 500;
    expect(await cache.get()).toBe('v1');
    clock += 600;
    expect(await cache.get()).toBe('v1');
    expect(data.state.loads).toBe(1); // the version had not moved
  });

  it('a change made through one instance reaches the other at its next check, and the writer at once', async () => {
    const data = source('before');
    const writer = referenceCache('test-two', data.load, { now });
    const other = referenceCache('test-two', data.load, { now });
    expect(await writer.get()).toBe('before');
    expect(await other.get()).toBe('before');

    data.state.value = 'after';
    await writer.invalidate();
    expect(await writer.get()).toBe('after');
    expect(await other.get()).toBe('before'); // still inside its second
    clock += 1000;
    expect(await other.get()).toBe('after');
  });

  it('a load that began before an invalidation is not kept', async () => {
    let release!: () => void;
    const state = { value: 'old', loads: 0 };
    const cache = referenceCache(
      'test-late',
      async () => {
        state.loads += 1;
        const seen = state.value;
        if (state.loads === 1) await new Promise<void>((resolve) => (release = resolve));
        return seen;
      },
      { now },
    );
    const first = cache.get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    state.value = 'new';
    await cache.invalidate();
    release();
    expect(await first).toBe('old');
    expect(await cache.get()).toBe('new');
  });
});
