import { generatePrivateJwk, keyRingFromJwks } from '../core/keys';
import { signHealthToken } from '../health-code/token';
import { signPlaceCode, verifyPlaceCode } from './token';

/**
 * A poster outlives a key rotation while its key is still published, and
 * stops working when the key is dropped (the place prints its code again).
 */
describe('place codes across a key rotation', () => {
  const claims = { placeId: '0123456789abcdef01234567', kind: 'pharmacy' as const, version: 3 };
  const now = new Date('2026-03-10T09:00:00+08:00');

  it('verifies with any key still listed, and not once its key is dropped', async () => {
    const [oldKey, newKey] = await Promise.all([generatePrivateJwk('hc-old'), generatePrivateJwk('hc-new')]);
    const poster = await signPlaceCode(await keyRingFromJwks([oldKey]), claims, now);
    expect(await verifyPlaceCode(await keyRingFromJwks([oldKey]), poster)).toEqual(claims);
    // Rotated: the new key signs, the old one is kept second and still verifies.
    const rotating = await keyRingFromJwks([newKey, oldKey]);
    expect(await verifyPlaceCode(rotating, poster)).toEqual(claims);
    expect(await verifyPlaceCode(await keyRingFromJwks([newKey]), poster)).toBeNull();
    const reprinted = await signPlaceCode(rotating, claims, now);
    expect(await verifyPlaceCode(await keyRingFromJwks([newKey]), reprinted)).toEqual(claims);
  });

  it('never takes a health code for a place code', async () => {
    const keys = await keyRingFromJwks([await generatePrivateJwk('hc')]);
    const { token } = await signHealthToken(keys, { sub: 'someone', color: 'green', maskedName: '张*' }, now);
    expect(await verifyPlaceCode(keys, token)).toBeNull();
  });
});
