import { createHash, randomBytes } from 'node:crypto';
import { isValidObjectId } from 'mongoose';
import { DESKTOP_TICKET_TTL_MS, type DesktopTicketCreated, type DesktopTicketStatus } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import type { AuthUser } from './auth-user';
import { DesktopTicketModel } from './desktop-ticket.model';
import { signToken, type TokenSettings } from './tokens';
import { UserModel } from './user.model';
import { toUser } from './user-view';

/**
 * Signing in on a computer by scanning its QR code with the mini-program:
 *
 * 1. the computer's H5 login page asks for a ticket (no token) and shows it as a QR code;
 * 2. a signed-in phone scans it and confirms (404 unknown or expired, 409 already confirmed);
 * 3. the computer, polling with the collect key it alone was given (the QR code's ticket
 *    can be read by anyone in sight of the screen), collects a token of its own, exactly
 *    once; then 404. A poll without the right key is answered as an unknown ticket.
 *
 * Tickets live 2 minutes. The computer's token is shorter-lived than the
 * phone's and names its session, which signing out on either device ends.
 */
export interface DesktopSignInDeps {
  tokens: TokenSettings;
  /** The computer's token lifetime (s). */
  desktopTokenTtlSeconds: number;
}

const hashTicket = (ticket: string) => createHash('sha256').update(ticket).digest('base64url');
const newSecret = () => randomBytes(24).toString('base64url');
const expired = () => new AppError('DESKTOP_TICKET_EXPIRED', 'This sign-in code is unknown, expired or already used: show a new one');
/** Kept a while after the last token from it could still be valid, then MongoDB removes it. */
const purgeAt = (deps: DesktopSignInDeps) => new Date(Date.now() + DESKTOP_TICKET_TTL_MS + deps.desktopTokenTtlSeconds * 1000 + 3600_000);

export async function createDesktopTicket(deps: DesktopSignInDeps, now: Date): Promise<DesktopTicketCreated> {
  const ticket = newSecret();
  const collectKey = newSecret();
  const expiresAt = new Date(now.getTime() + DESKTOP_TICKET_TTL_MS);
  await DesktopTicketModel.create({ ticketHash: hashTicket(ticket), collectKeyHash: hashTicket(collectKey), expiresAt, purgeAt: purgeAt(deps) });
  return { ticket, collectKey, expiresAt: expiresAt.toISOString() };
}

export async function confirmDesktopTicket(ticket: string, user: AuthUser, now: Date): Promise<void> {
  // A computer signed in this way cannot sign in another: only the phone can vouch.
  if (user.desktopSessionId) throw new AppError('FORBIDDEN', 'Confirm a computer sign-in with the mini-program on your phone');
  const ticketHash = hashTicket(ticket);
  const confirmed = await DesktopTicketModel.findOneAndUpdate(
    { ticketHash, expiresAt: { $gt: now }, confirmedAt: { $exists: false } },
    { $set: { userId: user.id, confirmedAt: now } },
    { projection: { _id: 1 } },
  ).lean();
  if (confirmed) return;
  const found = await DesktopTicketModel.findOne({ ticketHash }, { expiresAt: 1 }).lean();
  if (!found || found.expiresAt <= now) throw expired();
  throw new AppError('DESKTOP_TICKET_USED', 'This sign-in code was already confirmed: show a new one on the computer');
}

export async function collectDesktopTicket(ticket: string, collectKey: string, deps: DesktopSignInDeps, now: Date): Promise<DesktopTicketStatus> {
  const found = await DesktopTicketModel.findOne({ ticketHash: hashTicket(ticket), collectKeyHash: hashTicket(collectKey) }).lean();
  if (!found || found.expiresAt <= now || found.collectedAt || found.endedAt) throw expired();
  if (!found.confirmedAt || !found.userId) return { status: 'pending' };
  // Collected once: of two polls at once, one takes the token.
  const won = await DesktopTicketModel.findOneAndUpdate(
    { _id: found._id, confirmedAt: { $exists: true }, collectedAt: { $exists: false }, endedAt: { $exists: false }, expiresAt: { $gt: now } },
    { $set: { collectedAt: now } },
    { projection: { _id: 1 } },
  ).lean();
  if (!won) throw expired();
  const user = await UserModel.findById(found.userId);
  if (!user || user.disabled) throw expired();
  const view = toUser(user);
  // Tokens are checked against the real time (jsonwebtoken), so they are signed with it.
  const { token, expiresAt } = signToken({ sub: view.id, role: view.role, scope: view.scope, dsk: String(found._id) }, { ...deps.tokens, ttlSeconds: deps.desktopTokenTtlSeconds });
  return { status: 'confirmed', token, expiresAt: expiresAt.toISOString(), user: view };
}

/** Whether a desktop session's token may still be used: collected by that user, not signed out. */
export async function desktopSessionOpen(sessionId: string, userId: string): Promise<boolean> {
  if (!isValidObjectId(sessionId)) return false;
  return !!(await DesktopTicketModel.exists({ _id: sessionId, userId, collectedAt: { $exists: true }, endedAt: { $exists: false } }));
}

/**
 * Signing out. From a computer: that desktop session ends. From the phone:
 * every computer it signed in ends (the phone forgets its own token).
 */
export async function signOut(user: AuthUser, now: Date): Promise<void> {
  if (user.desktopSessionId) {
    await DesktopTicketModel.updateOne({ _id: user.desktopSessionId, userId: user.id, endedAt: { $exists: false } }, { $set: { endedAt: now } });
    return;
  }
  await DesktopTicketModel.updateMany({ userId: user.id, confirmedAt: { $exists: true }, endedAt: { $exists: false } }, { $set: { endedAt: now } });
}
