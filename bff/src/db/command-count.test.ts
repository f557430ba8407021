import { startTestApp, type TestApp } from '../../test/test-app';

/** x-db-commands counts what the driver sends for each request, and only when asked to. */
describe('database commands per request (DB_COMMAND_COUNT)', () => {
  let app: TestApp;
  let resident: string;

  beforeAll(async () => {
    app = await startTestApp({ DB_COMMAND_COUNT: 'true' });
    resident = await app.login('resident-1');
  });
  afterAll(() => app.close());

  it('reports none for a request that needs no database', async () => {
    const answer = await app.request('GET', '/healthz');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-db-commands')).toBe('0');
  });

  it('counts the one read that authenticates a user', async () => {
    const answer = await app.request('GET', '/api/me', { token: resident });
    expect(answer.status).toBe(200);
    expect(Number(answer.headers.get('x-db-commands'))).toBe(1);
  });

  it('counts each request on its own when many run at once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => app.request('GET', i % 2 ? '/api/me' : '/healthz', { token: resident })));
    expect(answers.map((a) => a.headers.get('x-db-commands'))).toEqual(answers.map((_, i) => (i % 2 ? '1' : '0')));
  });
});

describe('without DB_COMMAND_COUNT', () => {
  it('answers carry no x-db-commands header', async () => {
    const app = await startTestApp();
    try {
      const answer = await app.request('GET', '/healthz');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-db-commands')).toBeNull();
    } finally {
      await app.close();
    }
  });
});

describe('DB_COMMAND_COUNT=total', () => {
  it('answers carry the running total of commands started, and no per-request figure', async () => {
    const app = await startTestApp({ DB_COMMAND_COUNT: 'total' });
    try {
      const token = await app.login('resident-1');
      const total = async (path: string) => {
        const answer = await app.request('GET', path, { token });
        expect(answer.status).toBe(200);
        expect(answer.headers.get('x-db-commands')).toBeNull();
        return Number(answer.headers.get('x-db-commands-total'));
      };
      const before = await total('/healthz');
      expect(await total('/healthz')).toBe(before);
      // /api/me reads the user once: the total grows by exactly that.
      expect(await total('/api/me')).toBe(before + 1);
      expect(await total('/healthz')).toBe(before + 1);
    } finally {
      await app.close();
    }
  });
});
