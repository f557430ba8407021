import type { EmbeddedDatabase } from '../src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __testDatabase?: EmbeddedDatabase }).__testDatabase?.stop();
}
