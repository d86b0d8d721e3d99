import { createHash } from 'node:crypto';
import type { Db } from '../../../electron/services/store/sqlite.ts';

/** A checksum of every row of every table (the audit log included), to prove a refused import changed nothing. */
export function tablesChecksum(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'recommendation_fts%' ORDER BY name").all() as Array<{ name: string }>;
  for (const { name } of tables) {
    hash.update(`\n#${name}\n`);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
    }
  }
  hash.update(String(db.pragma('user_version', { simple: true })));
  return hash.digest('hex');
}
