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
