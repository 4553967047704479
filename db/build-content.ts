/** `npm run db:build`: db/content/ -> resources/content.db, printing the content hash. */
import { resolve } from 'node:path';
import { buildContentDatabase } from './content-build';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'resources', 'content.db');
try {
  const result = buildContentDatabase(resolve(root, 'db', 'content'), out);
  if (!result.ok) {
    console.error('db:build: the content in db/content/ has problems:');
    for (const p of result.problems) console.error(`  - ${p.path}: ${p.message}`);
    process.exit(1);
  }
  console.log(`db:build: wrote ${out}`);
  console.log(`  ${result.locales} languages, ${result.procedures} procedure(s), ${result.texts} texts`);
  console.log(`  content hash ${result.hash}`);
} catch (e) {
  console.error(`db:build: ${(e as Error).message}`);
  process.exit(1);
}
