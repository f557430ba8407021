import { ConfigError, loadConfig } from './config';

/** Everything production requires. */
const PRODUCTION = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db-1.internal:27017,db-2.internal:27017/?replicaSet=rs0',
  JWT_SECRET: 'x'.repeat(40),
  ID_HASH_KEY: 'i'.repeat(40),
  URL_SIGNING_KEY: 'u'.repeat(40),
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
    for (const key of ['MONGODB_URI', 'JWT_SECRET', 'ID_HASH_KEY', 'URL_SIGNING_KEY', 'WECHAT_API_BASE', 'WECHAT_APPID', 'WECHAT_SECRET', 'HEALTH_CODE_KEYS']) expect(message).toContain(key);
  });

  it('refuses production on the in-memory database: MONGODB_URI is named', () => {
    const { MONGODB_URI: _uri, ...withoutDatabase } = PRODUCTION;
    expect(() => loadConfig(withoutDatabase)).toThrow(/MONGODB_URI: is required in production/);
  });

  it('keeps one secret per purpose: the ID-number hash and photo links do not move with the session secret', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.keys.idHash).toBe('i'.repeat(40));
    expect(config.keys.urlSigning).toBe('u'.repeat(40));
    expect(loadConfig({ ...PRODUCTION, JWT_SECRET: 'y'.repeat(40) }).keys).toEqual(config.keys);
  });

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses, and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5,10.0.0.6' }).trustProxy).toEqual({ addresses: ['10.0.0.5', '10.0.0.6'] });
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
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

  it('refuses database command counting in production, in either form', () => {
    for (const value of ['true', 'total']) {
      expect(() => loadConfig({ ...PRODUCTION, DB_COMMAND_COUNT: value })).toThrow(/DB_COMMAND_COUNT: is refused in production/);
    }
    expect(loadConfig({ DB_COMMAND_COUNT: 'true' }).countDbCommands).toBe('per-request');
    expect(loadConfig({ DB_COMMAND_COUNT: 'total' }).countDbCommands).toBe('total');
    expect(loadConfig({}).countDbCommands).toBe(false);
  });
});
