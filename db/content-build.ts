/** Builds the bundled content database from db/content/ with the admin importer. */
import { existsSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openWritable } from './connection';
import { CONTENT_SCHEMA_VERSION, contentTables } from './content-schema';
import { readSourcePack } from './source-pack';
import { checkPack, type PackProblem } from './pack-validate';
import { importPack, type ImportSummary } from './importer';
import { contentHash } from './canonical-json';

export type BuildResult =
  | ({ ok: true; hash: string; path: string } & ImportSummary)
  | { ok: false; problems: PackProblem[] };

export function buildContentDatabase(sourceDir: string, outPath: string): BuildResult {
  const pack = readSourcePack(sourceDir);
  const check = checkPack(pack, { forbidTextInIllustrations: true });
  if (!check.ok) return { ok: false, problems: check.problems };
  const hash = contentHash(check.pack);
  mkdirSync(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.building`;
  rmSync(tmp, { force: true });
  const db = openWritable(tmp, { wal: false });
  try {
    db.exec(contentTables);
    const summary = importPack(db, check.pack, 'bundled');
    db.prepare('INSERT INTO content_meta (key, value) VALUES (?, ?)').run('contentHash', hash);
    db.prepare('INSERT INTO content_meta (key, value) VALUES (?, ?)').run('packFormatVersion', String(check.pack.formatVersion));
    db.pragma(`user_version = ${CONTENT_SCHEMA_VERSION}`);
    db.exec('VACUUM');
    db.close();
    if (existsSync(outPath)) rmSync(outPath);
    renameSync(tmp, outPath);
    return { ok: true, hash, path: outPath, ...summary };
  } catch (e) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
}
