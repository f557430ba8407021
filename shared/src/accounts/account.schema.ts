import { z } from 'zod';
import { ROLES } from '../core/roles';

export const roleSchema = z.enum(ROLES);

/** `POST /api/auth/login`: the code that `wx.login` / `Taro.login` returned. */
export const loginRequestSchema = z
  .object({ code: z.string().min(1).max(128) })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** The ids of what a user acts for: at most one of these is set, by role. */
export const scopeSchema = z.object({
  streetId: z.string().optional(),
  committeeId: z.string().optional(),
  unitId: z.string().optional(),
  pharmacyId: z.string().optional(),
  enterpriseId: z.string().optional(),
});
export type Scope = z.infer<typeof scopeSchema>;

export const userSchema = z.object({
  id: z.string(),
  role: roleSchema,
  displayName: z.string(),
  scope: scopeSchema,
  /** A resident who logged in but has not registered with a committee yet. */
  registered: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Development only: the seeded accounts the H5 login page offers. */
export const devAccountSchema = z.object({
  openid: z.string(),
  role: roleSchema,
  displayName: z.string(),
});
export const devAccountsResponseSchema = z.object({ accounts: z.array(devAccountSchema) });
export type DevAccountsResponse = z.infer<typeof devAccountsResponseSchema>;
export type DevAccount = z.infer<typeof devAccountSchema>;

/** `GET /api/me` */
export const meResponseSchema = z.object({ user: userSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** `POST /api/me/phone`: the code from a `getPhoneNumber` button (`e.detail.code`). */
export const phoneCodeRequestSchema = z.object({ code: z.string().trim().min(1).max(128) }).strict();
export type PhoneCodeRequest = z.infer<typeof phoneCodeRequestSchema>;

/** Reply to `POST /api/me/phone`: the stored number, masked (`138****0000`). */
export const phoneMaskedResponseSchema = z.object({ phoneMasked: z.string() });
export type PhoneMaskedResponse = z.infer<typeof phoneMaskedResponseSchema>;

/** How long a desktop sign-in ticket waits to be confirmed and collected. */
export const DESKTOP_TICKET_TTL_MS = 2 * 60 * 1000;
/** A ticket is an opaque random string (base64url). */
export const DESKTOP_TICKET_MAX_LENGTH = 64;
export const desktopTicketParamsSchema = z.object({ ticket: z.string().min(16).max(DESKTOP_TICKET_MAX_LENGTH).regex(/^[A-Za-z0-9_-]+$/) });
export type DesktopTicketParams = z.infer<typeof desktopTicketParamsSchema>;
/** `GET /api/auth/desktop-tickets/:ticket?key=`: the computer's collect key, as opaque as the ticket. */
export const desktopTicketPollQuerySchema = z.object({ key: desktopTicketParamsSchema.shape.ticket });

/**
 * Reply to `POST /api/auth/desktop-tickets` (no token): the QR code carries `ticket`, which
 * anyone in sight of the screen can read; `collectKey` stays on the computer that asked, and
 * only a poll that sends it (`?key=`) can take the token.
 */
export const desktopTicketCreatedSchema = z.object({ ticket: z.string(), collectKey: z.string(), expiresAt: z.string() });
export type DesktopTicketCreated = z.infer<typeof desktopTicketCreatedSchema>;

/**
 * Reply to `GET /api/auth/desktop-tickets/:ticket` (the desktop polls): pending until a
 * phone confirms; then confirmed with the desktop's own token, exactly once; then 404.
 */
export const desktopTicketStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('confirmed'), token: z.string(), expiresAt: z.string(), user: userSchema }),
]);
export type DesktopTicketStatus = z.infer<typeof desktopTicketStatusSchema>;

/** Reply to `POST /api/auth/desktop-tickets/:ticket/confirm` (a logged-in phone). */
export const desktopTicketConfirmedSchema = z.object({ confirmed: z.literal(true) });
export type DesktopTicketConfirmed = z.infer<typeof desktopTicketConfirmedSchema>;

/** The text a desktop sign-in QR code carries: a prefix so the scanner knows what it read. */
export const DESKTOP_TICKET_QR_PREFIX = 'sqtb-desktop:';
export const desktopTicketQrText = (ticket: string) => `${DESKTOP_TICKET_QR_PREFIX}${ticket}`;
/** The ticket in a scanned QR text, or null when the text is not a desktop sign-in code. */
export function ticketFromQrText(text: string): string | null {
  if (!text.startsWith(DESKTOP_TICKET_QR_PREFIX)) return null;
  const ticket = text.slice(DESKTOP_TICKET_QR_PREFIX.length);
  return desktopTicketParamsSchema.safeParse({ ticket }).success ? ticket : null;
}
