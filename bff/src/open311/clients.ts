import type Koa from 'koa';
import { AppError } from '../core/app-error';

/** api_key → the client's name, from OPEN311_API_KEYS (`name:key,…`). */
export type Open311Keys = Map<string, string>;

/** The client an api_key names; a missing or unknown key is 403, as Open311 specifies. */
export function clientForKey(apiKey: string | undefined, keys: Open311Keys): string {
  if (!apiKey) throw new AppError('FORBIDDEN', 'api_key is required to post a service request');
  const client = keys.get(apiKey);
  if (!client) throw new AppError('FORBIDDEN', 'Invalid api_key');
  return client;
}

/** Reads need no key; one that is sent must be valid, so a misconfigured client learns it before it posts. */
export function checkKeyIfSent(apiKey: string | undefined, keys: Open311Keys): void {
  if (apiKey !== undefined) clientForKey(apiKey, keys);
}

/** The api_key as sent (a repeated one is not a key), before any schema has read the input. */
const sentKey = (fields: unknown): string | undefined => {
  const value = (fields as Record<string, unknown> | undefined)?.api_key;
  return value === undefined ? undefined : String(value);
};

/** A post's guard: its form body must carry a valid api_key (403), whatever else is wrong with it. */
export const keyRequired = (keys: Open311Keys) => (ctx: Koa.Context) => void clientForKey(sentKey(ctx.request.body), keys);
/** A read's guard: a key in the query string must be valid (403). */
export const keyIfSent = (keys: Open311Keys) => (ctx: Koa.Context) => checkKeyIfSent(sentKey(ctx.query), keys);
