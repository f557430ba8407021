import { ConfigError, loadConfig } from './config';

/** Everything production requires. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
  WECHAT_APPID: 'wx123',
  WECHAT_SECRET: 'secret',
  HEALTH_CODE_KEYS: '[{"kty":"EC","crv":"P-256","kid":"k1","x":"x","y":"y","d":"d"}]',
};

describe('configuration', () => {
  it('runs in development with no settings at all', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.seedDemoData).toBe(true);
    expect(config.devLogin).toBe(true);
  });

  it('stops on a bad value with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI/);
  });

  it('has no silent secrets in production', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const key of ['JWT_SECRET', 'WECHAT_API_BASE', 'WECHAT_APPID', 'WECHAT_SECRET', 'HEALTH_CODE_KEYS']) expect(message).toContain(key);
  });

  it('refuses health-code keys that are not a JSON array', () => {
    expect(() => loadConfig({ HEALTH_CODE_KEYS: '{"kty":"EC"}' })).toThrow(/HEALTH_CODE_KEYS/);
    expect(() => loadConfig({ HEALTH_CODE_KEYS: 'not json' })).toThrow(/HEALTH_CODE_KEYS/);
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('starts in production when everything is given, without demo data or dev login', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.seedDemoData).toBe(false);
    expect(config.devLogin).toBe(false);
    expect(config.jwt.secret).toBe('x'.repeat(40));
    expect(config.simulatedClock).toBe(false);
  });

  it('refuses a simulated clock in production', () => {
    expect(() => loadConfig({ ...PRODUCTION, SIMULATED_CLOCK: 'true' })).toThrow(/SIMULATED_CLOCK: is refused in production/);
    expect(loadConfig({ SIMULATED_CLOCK: 'true' }).simulatedClock).toBe(true);
  });
});
