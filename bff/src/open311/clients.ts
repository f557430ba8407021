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
