import { Schema, model } from 'mongoose';

/**
 * A desktop sign-in: a computer asks for a ticket, shows it as a QR code, a
 * signed-in phone confirms it, and the computer collects its own token once.
 * After that the same document is the desktop session, which signing out (on
 * the computer, or on the phone that confirmed it) ends.
 *
 * Only a hash of the ticket is kept: the ticket grants a session while it is
 * fresh, so it is a credential. Each step is one conditional update on the
 * step before it (confirm where unconfirmed and unexpired, collect where
 * confirmed and uncollected), so a ticket is confirmed once and collected once.
 */
const desktopTicketSchema = new Schema(
  {
    ticketHash: { type: String, required: true, unique: true },
    /** Hash of the key only the computer that asked was given: the QR shows the ticket to anyone near the screen. */
    collectKeyHash: { type: String, required: true },
    /** The ticket can be confirmed and collected until then (2 minutes). */
    expiresAt: { type: Date, required: true },
    /** The phone user who confirmed it; the desktop signs in as them. */
    userId: { type: Schema.Types.ObjectId, ref: 'User' },
    confirmedAt: Date,
    /** When the desktop took its token: from then on this is a desktop session. */
    collectedAt: Date,
    /** When the session was signed out (its token then refused). */
    endedAt: Date,
    /** Removed by MongoDB after this (real time): the ticket and any session from it are over by then. */
    purgeAt: { type: Date, required: true },
  },
  { versionKey: false },
);
desktopTicketSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });
desktopTicketSchema.index({ userId: 1, collectedAt: 1 });

export const DesktopTicketModel = model('DesktopTicket', desktopTicketSchema);
