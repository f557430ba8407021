import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Structured logs. Anything that could carry a credential is redacted by path,
 * so a careless `log.info({ headers })` still cannot leak a token.
 *
 * Lines are written asynchronously (pino's sonic-boom), so a log reader that
 * falls behind never stalls a request: a synchronous destination sleeps the
 * whole process 100 ms whenever the pipe is full, and cost the bench about a
 * fifth of its throughput (BENCHMARKS.md). `minLength: 1` writes each line as
 * soon as none is in flight, as the default 0 does, and makes `flush` wait for
 * the writes in flight, which `exitWhenLogged` needs.
 */
export function createLogger(level: string): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'sqtb-bff' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        '*.token',
        '*.session_key',
        '*.sessionKey',
        '*.secret',
        'token',
        'session_key',
        'sessionKey',
      ],
      censor: '[redacted]',
    },
  };
  return pino(options, pino.destination({ dest: process.stdout.fd ?? 1, sync: false, minLength: 1 }));
}

/** After this long, the process exits even if its last lines could not be written (a log reader that stopped). */
const EXIT_WAIT_MS = 3_000;

/**
 * Exits once every line logged so far is written. `process.exit` alone writes
 * the lines still queued at once, ahead of a write the thread pool has not
 * finished, so the last lines came out in the wrong order (logger.test.ts).
 * (pino's `fatal` does the same on its own: say what stops the start in one
 * fatal line.)
 */
export function exitWhenLogged(log: Logger, code: number): void {
  setTimeout(() => process.exit(code), EXIT_WAIT_MS);
  log.flush(() => process.exit(code));
}
