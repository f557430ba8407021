import { isValidObjectId } from 'mongoose';
import type { LoginResponse, Scope, User } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import type { AuthUser } from './auth-user';
import { signToken, verifyToken, type TokenSettings } from './tokens';
import { UserModel, type UserRecord } from './user.model';
import type { WechatClient } from './wechat-client';
import { isDuplicateKey } from '../db/duplicate-key';

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

/** Checks the bearer token and loads the user, so a disabled or deleted account stops at once. */
export async function authenticate(authorization: string | undefined, tokens: TokenSettings): Promise<AuthUser> {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
  if (!match) throw new AppError('UNAUTHENTICATED', 'Log in first: this needs an Authorization: Bearer token');
  const claims = verifyToken(match[1], tokens);
  const user = isValidObjectId(claims.sub) ? await UserModel.findById(claims.sub) : null;
  if (!user || user.disabled) throw new AppError('UNAUTHENTICATED', 'This account no longer exists or is disabled; log in again');
  return toUser(user);
}

export function toUser(user: UserRecord): User {
  const scope: Scope = {};
  for (const key of ['streetId', 'committeeId', 'unitId', 'pharmacyId', 'enterpriseId'] as const) {
    const value = user.scope?.[key];
    if (value) scope[key] = String(value);
  }
  return { id: String(user._id), role: user.role, displayName: user.displayName, scope, registered: user.registered };
}
