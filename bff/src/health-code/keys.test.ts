import { generatePrivateJwk, keyRingFromJwks } from '../core/keys';
import { signHealthToken, verifyHealthToken } from './token';

describe('health-code key rotation', () => {
  const now = new Date('2026-03-10T01:00:00Z');
  const claims = { sub: 'pseudonym', color: 'green' as const, maskedName: '张*' };

  it('signs with the first key and still verifies codes signed by a rotated-out key listed after it', async () => {
    const oldKey = await generatePrivateJwk('2026-02');
    const newKey = await generatePrivateJwk('2026-03');
    const before = await keyRingFromJwks([oldKey]);
    const { token: oldToken } = await signHealthToken(before, claims, now);

    const after = await keyRingFromJwks([newKey, oldKey]);
    const { token: newToken } = await signHealthToken(after, claims, now);
    expect(JSON.parse(Buffer.from(newToken.split('.')[0], 'base64url').toString()).kid).toBe('2026-03');
    expect(await verifyHealthToken(after, oldToken, now)).toMatchObject({ valid: true, kid: '2026-02' });
    expect(after.jwks.keys.map((k) => k.kid)).toEqual(['2026-03', '2026-02']);

    // Once the old key is dropped (its codes have expired by then), its tokens no longer verify.
    const later = await keyRingFromJwks([newKey]);
    expect(await verifyHealthToken(later, oldToken, now)).toMatchObject({ valid: false, reason: 'unknown-key' });
  });

  it('publishes no private part', async () => {
    const ring = await keyRingFromJwks([await generatePrivateJwk('k')]);
    expect(ring.jwks.keys[0]).not.toHaveProperty('d');
  });

  it('refuses a configured key that is not a private P-256 JWK with a kid', async () => {
    const { kid: _kid, ...noKid } = await generatePrivateJwk('k');
    await expect(keyRingFromJwks([noKid])).rejects.toThrow(/kid/);
    const { d: _d, ...publicOnly } = await generatePrivateJwk('k');
    await expect(keyRingFromJwks([publicOnly])).rejects.toThrow(/private/);
  });
});
