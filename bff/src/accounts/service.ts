import { isValidObjectId } from 'mongoose';
import { maskPhone, PHONE_PATTERN, type LoginResponse, type PhoneMaskedResponse } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import type { AuthUser } from './auth-user';
import { signToken, verifyToken, type TokenSettings } from './tokens';
import type { CodeStateRecord } from '../health-code/code-state';
import { readUserById, UserModel, type StoredUser, type UserRecord } from './user.model';
import type { WechatClient } from './wechat-client';
import { isDuplicateKey } from '../db/duplicate-key';
import { desktopSessionOpen } from './desktop-sign-in';
import { toUser } from './user-view';

export { toUser } from './user-view';
export { createDesktopTicket, confirmDesktopTicket, collectDesktopTicket, signOut, type DesktopSignInDeps } from './desktop-sign-in';

export interface AccountsDeps {
  wechat: WechatClient;
  tokens: TokenSettings;
}

/**
 * WeChat login: the code from `wx.login` is exchanged for an openid, the user
 * is found or created (a newcomer is a resident not yet registered with any
 * committee), and a short-lived token carrying role and scope is issued.
 */
export async function login(code: string, deps: AccountsDeps, now = new Date()): Promise<LoginResponse> {
  const { openid } = await deps.wechat.exchangeCode(code);
  const user = await findOrCreateByOpenid(openid, now);
  if (user.disabled) throw new AppError('FORBIDDEN', 'This account is disabled');
  const publicUser = toUser(user);
  const { token, expiresAt } = signToken({ sub: publicUser.id, role: publicUser.role, scope: publicUser.scope }, deps.tokens, now);
  return { token, expiresAt: expiresAt.toISOString(), user: publicUser };
}

async function findOrCreateByOpenid(openid: string, now: Date): Promise<UserRecord> {
  const update = {
    $set: { lastLoginAt: now },
    $setOnInsert: { role: 'resident', displayName: `居民${openid.slice(-4)}`, registered: false },
  };
  try {
    return (await UserModel.findOneAndUpdate({ openid }, update, { upsert: true, new: true }))!;
  } catch (err) {
    // Two first logins at once: the unique openid index lets one insert win; the other reads it.
    if (!isDuplicateKey(err)) throw err;
    return (await UserModel.findOneAndUpdate({ openid }, { $set: { lastLoginAt: now } }, { new: true }))!;
  }
}

/**
 * Checks the bearer token and loads the user, so a disabled or deleted account
 * stops at once; a computer's token also needs its desktop session still open.
 */
export async function authenticate(authorization: string | undefined, tokens: TokenSettings): Promise<AuthUser> {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
  if (!match) throw new AppError('UNAUTHENTICATED', 'Log in first: this needs an Authorization: Bearer token');
  const claims = verifyToken(match[1], tokens);
  const user = isValidObjectId(claims.sub) ? await readUserById(claims.sub) : null;
  if (!user || user.disabled) throw new AppError('UNAUTHENTICATED', 'This account no longer exists or is disabled; log in again');
  if (claims.dsk === undefined) return authUserOf(user);
  if (!(await desktopSessionOpen(claims.dsk, String(user._id)))) throw new AppError('UNAUTHENTICATED', 'This computer was signed out; scan a new code to sign in');
  return { ...authUserOf(user), desktopSessionId: claims.dsk };
}

/** The caller as services see it, from the user as stored: with the approved household and the stored health code, so neither is read again. */
export function authUserOf(user: StoredUser): AuthUser {
  const household = user.household?.addressKey
    ? { household: { addressKey: user.household.addressKey, committeeId: String(user.household.committeeId), location: { lat: user.household.location!.lat!, lng: user.household.location!.lng! } } }
    : {};
  return { ...toUser(user), ...household, ...(user.healthCode ? { healthCode: user.healthCode as CodeStateRecord } : {}) };
}

/**
 * `POST /api/me/phone`: the code of a `getPhoneNumber` button, exchanged at
 * WeChat for the number it vouches for, which is kept on the user. Only the
 * masked number is answered. A code WeChat refuses changes nothing.
 */
export async function savePhoneFromCode(userId: string, code: string, deps: { wechat: WechatClient }, now: Date): Promise<PhoneMaskedResponse> {
  const { phone, countryCode } = await deps.wechat.phoneNumber(code);
  if (countryCode !== '86' || !PHONE_PATTERN.test(phone)) {
    throw new AppError('PHONE_CODE_INVALID', 'The number WeChat gave is not a mainland mobile number; type one instead', { reason: 'not-mainland-mobile' });
  }
  const saved = await UserModel.updateOne({ _id: userId }, { $set: { phone, phoneVerifiedAt: now } });
  if (saved.matchedCount === 0) throw new AppError('UNAUTHENTICATED', 'This account no longer exists; log in again');
  return { phoneMasked: maskPhone(phone) };
}

/** The mobile number WeChat vouched for this user, if any: for forms that offer it (registration, filing contact). */
export async function verifiedPhoneOf(userId: string): Promise<string | undefined> {
  const user = await UserModel.findById(userId, { phone: 1 }).lean();
  return user?.phone ?? undefined;
}
