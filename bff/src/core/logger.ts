import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Structured logs. Anything that could carry a credential is redacted by path,
 * so a careless `log.info({ headers })` still cannot leak a token.
 *
 * Each line is written to standard output as it is logged (a synchronous
 * destination): the BFF exits right after logging why it cannot start or that
 * it stopped, and an asynchronous write still waiting in the thread pool then
 * came out after the lines logged later (logger.test.ts). The price, as with
 * Node's own writes to a pipe on Linux: a log reader that stops reading stalls
 * the BFF until it reads again.
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
  return pino(options, pino.destination({ dest: process.stdout.fd ?? 1, sync: true }));
}
