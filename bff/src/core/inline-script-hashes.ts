import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Taro's H5 index.html carries a small inline script (it sets the root font
 * size for rem layout). Rather than allow every inline script, the policy
 * allows exactly these, by their SHA-256.
 */
export function inlineScriptHashes(staticDir: string): string[] {
  const index = path.join(staticDir, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1])
    .filter((body) => body.trim().length > 0)
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}
