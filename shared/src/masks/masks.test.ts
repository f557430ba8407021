import { normaliseAddress } from './address';
import { reservationTransition } from './reservation.machine';
import { registrationTransition } from './registration.machine';

describe('household addresses', () => {
  it('treats the same address written differently as one household', () => {
    expect(normaliseAddress('潍坊路 400 弄 12 号 301 室')).toBe(normaliseAddress('潍坊路４００弄１２号３０１室'));
    expect(normaliseAddress('潍坊路400弄12号-301室')).toBe(normaliseAddress('潍坊路 400弄 12号 301室'));
  });
  it('keeps different flats apart', () => {
    expect(normaliseAddress('潍坊路 400 弄 12 号 301 室')).not.toBe(normaliseAddress('潍坊路 400 弄 12 号 302 室'));
  });
});

describe('the reservation workflow', () => {
  it('lets the cadre approve or reject a pending reservation', () => {
    expect(reservationTransition('pending_review', 'approve', ['committee-cadre'])).toEqual({ ok: true, to: 'approved' });
    expect(reservationTransition('pending_review', 'reject', ['district'])).toEqual({ ok: true, to: 'rejected' });
  });
  it('redeems an approved reservation once, at its own pharmacy', () => {
    expect(reservationTransition('approved', 'redeem', ['the-pharmacy'])).toEqual({ ok: true, to: 'redeemed' });
    expect(reservationTransition('redeemed', 'redeem', ['the-pharmacy'])).toEqual({ ok: false, refusal: 'CONFLICT' });
    expect(reservationTransition('approved', 'redeem', [])).toEqual({ ok: false, refusal: 'FORBIDDEN' });
  });
  it('expires only an approved, unredeemed reservation, and only by the system', () => {
    expect(reservationTransition('approved', 'expire', ['system'])).toEqual({ ok: true, to: 'expired' });
    expect(reservationTransition('redeemed', 'expire', ['system'])).toEqual({ ok: false, refusal: 'CONFLICT' });
    expect(reservationTransition('approved', 'expire', ['district'])).toEqual({ ok: false, refusal: 'FORBIDDEN' });
  });
});

describe('the registration workflow', () => {
  it('lets the cadre settle a registration under review, once', () => {
    expect(registrationTransition('pending_review', 'approve')).toBe('approved');
    expect(registrationTransition('pending_review', 'reject')).toBe('rejected');
    expect(registrationTransition('approved', 'reject')).toBeUndefined();
    expect(registrationTransition('rejected', 'approve')).toBeUndefined();
  });
});
