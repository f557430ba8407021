import type { Model } from 'mongoose';
import { Types } from 'mongoose';
import { ERROR_STATUS } from '@sqtb/shared';
import type { TestApp, TestResponse } from './test-app';

/**
 * Small helpers the scope and fuzz tests share: tokens by openid, the seeded
 * org's ids by code, valid made-up ID numbers, and whole-document snapshots
 * read straight from a collection (every field, not only the schema's).
 */

export interface OrgIds {
  committees: Record<string, string>;
  streets: Record<string, string>;
  units: Record<string, string>;
  pharmacies: Record<string, string>;
  enterprises: Record<string, string>;
}

export async function orgIds(t: TestApp, token: string): Promise<OrgIds> {
  const org = (await t.request('GET', '/api/org', { token })).body;
  const byCode = (items: Array<{ code: string; id: string }>) => Object.fromEntries(items.map((i) => [i.code, i.id]));
  return { committees: byCode(org.committees), streets: byCode(org.streets), units: byCode(org.units), pharmacies: byCode(org.pharmacies), enterprises: byCode(org.enterprises) };
}

/** Logs in once per openid and keeps the token. */
export class Tokens {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly t: TestApp) {}
  async of(openid: string): Promise<string> {
    let token = this.tokens.get(openid);
    if (!token) {
      token = await this.t.login(openid);
      this.tokens.set(openid, token);
    }
    return token;
  }
}

/** A valid 18-digit resident ID number (area 310115, a birth date from 1950 on), different for every n ≥ 0. */
export function idNumberFor(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `310115${birth}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, k) => acc + Number(d) * weights[k], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The whole stored document, as JSON (ids as hex, dates as ISO), or null. */
export async function storedDocument(model: Model<any>, id: string | Types.ObjectId): Promise<unknown> {
  const doc = await model.collection.findOne({ _id: new Types.ObjectId(String(id)) });
  return doc ? JSON.parse(JSON.stringify(doc)) : null;
}

/** Every stored document of a collection matching a filter, sorted by id, as JSON. */
export async function storedDocuments(model: Model<any>, filter: Record<string, unknown> = {}): Promise<unknown[]> {
  const docs = await model.collection.find(filter).sort({ _id: 1 }).toArray();
  return JSON.parse(JSON.stringify(docs));
}

/** Why a response is not in the one error shape with a known code and its status, or undefined when it is. */
export function errorShapeProblem(response: TestResponse): string | undefined {
  const error = response.body?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') return `not in the error shape: ${response.status} ${response.text.slice(0, 200)}`;
  const known = (ERROR_STATUS as Record<string, number>)[error.code];
  if (known === undefined) return `unknown error code ${error.code} (${response.status})`;
  if (known !== response.status) return `code ${error.code} answered with ${response.status}, not its ${known}`;
  return undefined;
}

export const newObjectIdHex = () => new Types.ObjectId().toHexString();
