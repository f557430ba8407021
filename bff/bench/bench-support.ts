import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts a process that logs JSON lines and resolves once a line shows it listening. */
export function startLogged(command: string, args: string[], env: Record<string, string | undefined>, cwd: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(command, args, { cwd, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start in 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number; msg?: string };
        if (typeof entry.port === 'number' && String(entry.msg).includes('listening')) {
          clearTimeout(timer);
          resolve({ child, port: entry.port });
        }
      } catch {
        // not a log line
      }
    });
  });
}

/** Runs tasks with at most `limit` in flight; returns each task's latency in ms. */
export async function runConcurrently<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<{ results: T[]; latencies: number[]; seconds: number }> {
  const results: T[] = new Array(tasks.length);
  const latencies: number[] = new Array(tasks.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const t0 = performance.now();
      results[i] = await tasks[i]();
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return { results, latencies, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}
