import { ManualClock } from './clock';
import { startTestApp, type TestApp } from '../../test/test-app';

/** The limits as configured for production (factor 1), on login, reservation and upload. */
describe('rate limits', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_FACTOR: '1' }, { clock });
  });
  afterAll(() => t.close());

  it('answers the 61st login from one address within a minute with 429 and Retry-After, and lets it through a minute later', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' } })).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    clock.advance(61_000);
    expect((await t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' } })).status).toBe(200);
  });

  it('limits reservations per user, not per neighbour', async () => {
    const one = await t.login('resident-1');
    const other = await t.login('resident-2');
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await t.request('POST', '/api/mask-reservations', { token: one, body: {} })).status);
    expect(answers.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(answers[10]).toBe(429);
    expect((await t.request('POST', '/api/mask-reservations', { token: other, body: {} })).status).not.toBe(429);
  });

  it('limits overview refreshes (which read 8 weeks of complaints) per user, JSON and CSV alike', async () => {
    clock.advance(61_000);
    const staff = await t.login('district-1');
    const cadre = await t.login('cadre-1');
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await t.request('GET', i % 2 ? '/api/dashboard/overview' : '/api/dashboard/overview.csv?table=health', { token: staff })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await t.request('GET', '/api/dashboard/overview', { token: staff });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await t.request('GET', '/api/dashboard/overview', { token: cadre })).status).toBe(200);
  });
});
