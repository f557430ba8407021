import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Anything that could carry a credential is redacted by path,
 * so a careless `log.info({ headers })` still cannot leak a token.
 */
export function createLogger(level: string): Logger {
  return pino({
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
  });
}
