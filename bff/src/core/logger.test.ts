import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The log keeps what was said last, in order: the BFF exits right after
 * logging that it stopped, or why it could not start. The destination writes through libuv's
 * thread pool, and `process.exit` alone writes what is still queued at once,
 * ahead of a write in flight: the first of two lines logged just before an
 * exit came out after the second whenever the pool was busy (seen under load
 * in development-restart.test.ts, which looks for the first fatal line).
 * `exitWhenLogged` waits for the writes first.
 */
describe('the logger', () => {
  it('writes every line logged before exitWhenLogged, in order, with the thread pool held busy', async () => {
    const root = path.resolve(__dirname, '../../..');
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      // It exits with 1 on purpose, as the BFF does when it cannot start.
      execFile(process.execPath, ['--import', 'tsx', 'bff/test/fixtures/log-then-exit.ts'], { cwd: root, env: { ...process.env, UV_THREADPOOL_SIZE: '1' } }, (_err, out, err) => resolve({ stdout: out, stderr: err }));
    });
    expect(stderr).toBe('');
    const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { level: number; step: number; msg: string });
    expect(lines.map(({ level, step, msg }) => ({ level, step, msg }))).toEqual([
      { level: 30, step: 1, msg: 'the first line' },
      { level: 50, step: 2, msg: 'the second line' },
    ]);
  }, 30_000);
});
