import jwt from 'jsonwebtoken';
import { DESKTOP_TICKET_TTL_MS, desktopTicketStatusSchema, ticketFromQrText, desktopTicketQrText } from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import { storedDocuments } from '../../test/fixture-kit';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { DesktopTicketModel } from './desktop-ticket.model';

/**
 * Signing in on a computer by scanning its QR code: the computer asks for a
 * ticket, a signed-in phone confirms it, the computer collects its own token
 * once. Tickets live 2 minutes; the computer's token is shorter-lived than
 * the phone's, and signing out on the phone ends it.
 */
describe('desktop sign-in by scanning a QR code', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'silent' }, { clock });
    for (const openid of ['district-1', 'cadre-1', 'resident-1']) tokens[openid] = await t.login(openid);
  });
  afterAll(() => t.close());

  /** The collect key each ticket was created with: only the computer that asked holds it. */
  const keys = new Map<string, string>();
  const newTicket = async () => {
    const created = await t.request('POST', '/api/auth/desktop-tickets');
    expect(created.status).toBe(201);
    keys.set(created.body.ticket, created.body.collectKey);
    return created.body.ticket as string;
  };
  const poll = (ticket: string, key = keys.get(ticket) ?? 'K'.repeat(32)) => t.request('GET', `/api/auth/desktop-tickets/${ticket}?key=${key}`);
  const confirm = (ticket: string, token?: string) => t.request('POST', `/api/auth/desktop-tickets/${ticket}/confirm`, { token });
  const me = (token: string) => t.request('GET', '/api/me', { token });
  /** A computer signed in as `openid`: its token. */
  const signedInDesktop = async (openid = 'district-1') => {
    const ticket = await newTicket();
    expect((await confirm(ticket, tokens[openid])).status).toBe(200);
    return (await poll(ticket)).body.token as string;
  };

  it('signs a computer in as the staff member who confirmed on the phone, once', async () => {
    const created = await t.request('POST', '/api/auth/desktop-tickets');
    expect(created.status).toBe(201);
    const { ticket, collectKey, expiresAt } = created.body;
    keys.set(ticket, collectKey);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(collectKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(collectKey).not.toBe(ticket);
    expect(new Date(expiresAt).getTime()).toBe(clock.now().getTime() + DESKTOP_TICKET_TTL_MS);
    // What the QR carries, and what the scanner reads back from it.
    expect(ticketFromQrText(desktopTicketQrText(ticket))).toBe(ticket);
    expect(ticketFromQrText('https://example.com')).toBeNull();

    expect((await poll(ticket)).body).toEqual({ status: 'pending' });
    const confirmed = await confirm(ticket, tokens['district-1']);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ confirmed: true });

    const collected = await poll(ticket);
    expect(collected.status).toBe(200);
    expect(desktopTicketStatusSchema.parse(collected.body)).toMatchObject({ status: 'confirmed', user: { role: 'district' } });
    const desktop = collected.body.token as string;
    expect((await me(desktop)).body.user).toEqual((await me(tokens['district-1'])).body.user);

    // Exactly once: the next poll finds nothing.
    const again = await poll(ticket);
    expect(again.status).toBe(404);
    expect(errorCode(again)).toBe('DESKTOP_TICKET_EXPIRED');

    // The computer's token lives shorter than the phone's.
    const desktopClaims = jwt.decode(desktop) as jwt.JwtPayload;
    const phoneClaims = jwt.decode(tokens['district-1']) as jwt.JwtPayload;
    expect(desktopClaims.exp! - desktopClaims.iat!).toBe(t.config.desktopTokenTtlSeconds);
    expect(t.config.desktopTokenTtlSeconds).toBeLessThan(phoneClaims.exp! - phoneClaims.iat!);
  });

  it('refuses a confirm without a token, and the ticket stays pending', async () => {
    const ticket = await newTicket();
    const before = await storedDocuments(DesktopTicketModel);
    const refused = await confirm(ticket);
    expect(refused.status).toBe(401);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(await storedDocuments(DesktopTicketModel)).toEqual(before);
    expect((await poll(ticket)).body).toEqual({ status: 'pending' });
  });

  it('answers 409 to a second confirm, and the computer still signs in as the first', async () => {
    const ticket = await newTicket();
    expect((await confirm(ticket, tokens['district-1'])).status).toBe(200);
    const before = await storedDocuments(DesktopTicketModel);
    for (const who of ['district-1', 'cadre-1']) {
      const second = await confirm(ticket, tokens[who]);
      expect(second.status).toBe(409);
      expect(errorCode(second)).toBe('DESKTOP_TICKET_USED');
    }
    expect(await storedDocuments(DesktopTicketModel)).toEqual(before);
    expect((await poll(ticket)).body.user.role).toBe('district');
  });

  it('answers 404 to an unknown ticket and 400 to one that is not a ticket, changing nothing', async () => {
    const before = await storedDocuments(DesktopTicketModel);
    const unknown = 'A'.repeat(32);
    expect((await poll(unknown)).status).toBe(404);
    const refused = await confirm(unknown, tokens['district-1']);
    expect(refused.status).toBe(404);
    expect(errorCode(refused)).toBe('DESKTOP_TICKET_EXPIRED');
    expect((await poll('short')).status).toBe(400);
    expect((await confirm('not a ticket!', tokens['district-1'])).status).toBe(400);
    expect((await t.request('POST', '/api/auth/desktop-tickets', { body: { role: 'district' } })).status).toBe(400);
    expect(await storedDocuments(DesktopTicketModel)).toEqual(before);
  });

  it('hands the token only to the computer that asked: the QR code\'s ticket alone, or another key, takes nothing', async () => {
    const ticket = await newTicket();
    const other = await newTicket();
    expect((await confirm(ticket, tokens['district-1'])).status).toBe(200);
    const before = await storedDocuments(DesktopTicketModel);
    // Someone who photographed the QR code: the ticket, but not the computer's key.
    for (const stolen of [poll(ticket, keys.get(other)), poll(ticket, 'K'.repeat(32))]) {
      const answer = await stolen;
      expect([answer.status, errorCode(answer)]).toEqual([404, 'DESKTOP_TICKET_EXPIRED']);
    }
    expect((await t.request('GET', `/api/auth/desktop-tickets/${ticket}`)).status).toBe(400);
    expect((await t.request('GET', `/api/auth/desktop-tickets/${ticket}?key=short`)).status).toBe(400);
    expect(await storedDocuments(DesktopTicketModel)).toEqual(before);
    // The computer itself still collects, once.
    expect((await poll(ticket)).body).toMatchObject({ status: 'confirmed' });
  });

  it('lets a ticket expire after 2 minutes, confirmed or not', async () => {
    const unconfirmed = await newTicket();
    const confirmedLate = await newTicket();
    expect((await confirm(confirmedLate, tokens['district-1'])).status).toBe(200);
    clock.advance(DESKTOP_TICKET_TTL_MS - 1000);
    expect((await poll(unconfirmed)).body).toEqual({ status: 'pending' });
    clock.advance(1000);
    const before = await storedDocuments(DesktopTicketModel);
    const late = await confirm(unconfirmed, tokens['district-1']);
    expect(late.status).toBe(404);
    expect(errorCode(late)).toBe('DESKTOP_TICKET_EXPIRED');
    expect((await poll(unconfirmed)).status).toBe(404);
    // Confirmed in time but not collected in time: no token.
    expect((await poll(confirmedLate)).status).toBe(404);
    expect(await storedDocuments(DesktopTicketModel)).toEqual(before);
  });

  it('keeps residents from signing a computer in, changing nothing', async () => {
    const ticket = await newTicket();
    const before = await storedDocuments(DesktopTicketModel);
    expect((await confirm(ticket, tokens['resident-1'])).status).toBe(403);
    expect(await storedDocuments(DesktopTicketModel)).toEqual(before);
  });

  it('hands the token to one of two polls at once', async () => {
    const ticket = await newTicket();
    await confirm(ticket, tokens['cadre-1']);
    const answers = await Promise.all(Array.from({ length: 6 }, () => poll(ticket)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404, 404, 404, 404]);
  });

  it('ends every computer when its user signs out on the phone, and only that computer when signed out there', async () => {
    const first = await signedInDesktop();
    const second = await signedInDesktop();
    const cadreDesktop = await signedInDesktop('cadre-1');

    const out = await t.request('POST', '/api/auth/sign-out', { token: second });
    expect(out.status).toBe(204);
    expect((await me(second)).status).toBe(401);
    expect((await me(first)).status).toBe(200);
    expect((await me(tokens['district-1'])).status).toBe(200);

    // Signed out on the phone: every computer it signed in ends; other people's stay.
    expect((await t.request('POST', '/api/auth/sign-out', { token: tokens['district-1'] })).status).toBe(204);
    const ended = await me(first);
    expect(ended.status).toBe(401);
    expect(errorCode(ended)).toBe('UNAUTHENTICATED');
    expect((await me(cadreDesktop)).status).toBe(200);
  });

  it('cancels a confirmed ticket not yet collected when the phone signs out', async () => {
    const ticket = await newTicket();
    await confirm(ticket, tokens['cadre-1']);
    await t.request('POST', '/api/auth/sign-out', { token: tokens['cadre-1'] });
    expect((await poll(ticket)).status).toBe(404);
  });

  it('keeps a computer from confirming another computer', async () => {
    const desktop = await signedInDesktop();
    const ticket = await newTicket();
    const refused = await confirm(ticket, desktop);
    expect(refused.status).toBe(403);
    expect((await poll(ticket)).body).toEqual({ status: 'pending' });
  });
});

describe('desktop tickets are rate-limited per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'silent', RATE_LIMIT_FACTOR: '1' });
  });
  afterAll(() => t.close());

  it('creates at most 10 a minute from one address', async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await t.request('POST', '/api/auth/desktop-tickets')).status);
    expect(answers).toEqual([...Array(10).fill(201), 429, 429]);
    expect(await DesktopTicketModel.countDocuments()).toBe(10);
  });

  it('keeps the development account list for development only', async () => {
    expect((await t.request('GET', '/api/auth/dev-accounts')).status).toBe(200); // NODE_ENV=test
  });
});
