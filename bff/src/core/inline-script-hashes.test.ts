import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inlineScriptHashes } from './inline-script-hashes';

describe('hashes of the H5 page\'s inline scripts', () => {
  it('hashes each inline script exactly and leaves out external ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'h5-'));
    const inline = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
    writeFileSync(path.join(dir, 'index.html'), `<html><head><script>${inline}</script><script defer src="/js/app.js"></script></head></html>`);
    const expected = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    expect(inlineScriptHashes(dir)).toEqual([expected]);
  });

  it('has nothing to allow when there is no H5 build', () => {
    expect(inlineScriptHashes('/nonexistent')).toEqual([]);
  });
});
