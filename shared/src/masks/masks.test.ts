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
    expect(reservationTransition('pending_review', 'approve', ['committee-cadre'])).toEqual({ ok: true, event: 'approve', from: 'pending_review', to: 'approved' });
    expect(reservationTransition('pending_review', 'reject', ['district'])).toEqual({ ok: true, event: 'reject', from: 'pending_review', to: 'rejected' });
  });
  it('redeems an approved reservation once, at its own pharmacy', () => {
    expect(reservationTransition('approved', 'redeem', ['the-pharmacy'])).toEqual({ ok: true, event: 'redeem', from: 'approved', to: 'redeemed' });
    expect(reservationTransition('redeemed', 'redeem', ['the-pharmacy'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(reservationTransition('approved', 'redeem', [])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });
  it('expires only an approved, unredeemed reservation, and only by the system', () => {
    expect(reservationTransition('approved', 'expire', ['system'])).toEqual({ ok: true, event: 'expire', from: 'approved', to: 'expired' });
    expect(reservationTransition('redeemed', 'expire', ['system'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(reservationTransition('approved', 'expire', ['district'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });
  it('draws a lottery application by the system only', () => {
    expect(reservationTransition('applied', 'win', ['system'])).toMatchObject({ ok: true, to: 'approved' });
    expect(reservationTransition('applied', 'lose', ['system'])).toMatchObject({ ok: true, to: 'lost' });
    expect(reservationTransition('applied', 'win', ['district'])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
    expect(reservationTransition('lost', 'win', ['system'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
  });
});

describe('the registration workflow', () => {
  it('lets the cadre or district staff settle a registration under review, once', () => {
    expect(registrationTransition('pending_review', 'approve', ['committee-cadre'])).toEqual({ ok: true, event: 'approve', from: 'pending_review', to: 'approved' });
    expect(registrationTransition('pending_review', 'reject', ['district'])).toEqual({ ok: true, event: 'reject', from: 'pending_review', to: 'rejected' });
    expect(registrationTransition('approved', 'reject', ['committee-cadre'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
    expect(registrationTransition('rejected', 'approve', ['district'])).toMatchObject({ ok: false, refusal: 'CONFLICT' });
  });
  it('lets no one else review', () => {
    expect(registrationTransition('pending_review', 'approve', [])).toMatchObject({ ok: false, refusal: 'FORBIDDEN' });
  });
});
