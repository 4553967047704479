/**
 * Figure 6: importing a large generated pack (200 topics x 10 languages) into a fresh local
 * database with the admin importer (db/importer.ts importPack): text rows per second. The floor is
 * the same text rows written by one prepared INSERT in one transaction into another fresh database.
 */
import { join } from 'node:path';
import { readSourcePack } from '../../db/source-pack';
import { checkPack } from '../../db/pack-validate';
import { importPack } from '../../db/importer';
import { expectedTextKeys } from '../../db/content-keys';
import { openLocalDatabase } from '../../db/local-db';
import { topicIcons, type ContentPack, type PackLocale, type PackText } from '../../db/pack-schema';
import { figure, median, repoRoot, tempDir, type Figure } from './lib';

const extraLocales: PackLocale[] = [
  { code: 'fr', nativeName: 'Français', englishName: 'French', direction: 'ltr', font: '@fontsource/noto-sans' },
  { code: 'de', nativeName: 'Deutsch', englishName: 'German', direction: 'ltr', font: '@fontsource/noto-sans' },
  { code: 'pt', nativeName: 'Português', englishName: 'Portuguese', direction: 'ltr', font: '@fontsource/noto-sans' },
  { code: 'ru', nativeName: 'Русский', englishName: 'Russian', direction: 'ltr', font: '@fontsource/noto-sans' },
  { code: 'fa', nativeName: 'فارسی', englishName: 'Persian', direction: 'rtl', font: '@fontsource/vazirmatn' },
];

/**
 * A valid pack built on db/content: the real procedure with its 10 topics plus generated ones up
 * to `topicCount` (each with the sections of a real topic), in the 5 real languages plus 5 more,
 * every key db/content-keys.ts requires present. Texts reuse real texts of the same kind, so
 * lengths, glossary links and template variables are realistic and consistent.
 */
export function generatePack(topicCount = 200, localeCount = 10): ContentPack {
  const source = readSourcePack(join(repoRoot, 'db', 'content'));
  const base = source.procedures[0]!;
  const realTopics = base.topics;
  const topics = [...realTopics];
  const origin = new Map<string, string>(realTopics.map((t) => [t.id, t.id]));
  for (let n = topics.length; n < topicCount; n++) {
    const like = realTopics[n % realTopics.length]!;
    const id = `generated-topic-${n + 1}`;
    topics.push({ id, icon: topicIcons[n % topicIcons.length]!, sections: [...like.sections] });
    origin.set(id, like.id);
  }
  const procedure = { ...base, topics };
  const locales = [...source.locales, ...extraLocales].slice(0, localeCount);
  const byKey = new Map(source.texts.map((t) => [`${t.locale}\u0000${t.key}`, t]));
  const texts: PackText[] = [];
  for (const locale of locales) {
    for (const key of expectedTextKeys(procedure)) {
      // A generated topic's key reads like the real topic it copies: topic.<id>.<rest>.
      const m = /^topic\.([^.]+)\.(.+)$/.exec(key);
      const sourceKey = m ? `topic.${origin.get(m[1]!)}.${m[2]}` : key;
      const from = byKey.get(`${locale.code}\u0000${sourceKey}`) ?? byKey.get(`en\u0000${sourceKey}`);
      if (!from) throw new Error(`no source text for ${sourceKey}`);
      texts.push({ ...from, procedure: procedure.id, locale: locale.code, key });
    }
  }
  return { ...source, description: `Bench pack: ${topicCount} topics x ${locales.length} languages`, locales, procedures: [procedure], texts };
}

export async function benchPackImport(): Promise<Figure[]> {
  const started = performance.now();
  const pack = generatePack();
  const check = checkPack(pack);
  if (!check.ok) throw new Error(`the generated pack is not valid: ${JSON.stringify(check.problems.slice(0, 3))}`);
  const generateMs = performance.now() - started;

  const imports: number[] = [];
  const floors: number[] = [];
  for (let round = 0; round < 5; round++) {
    const local = openLocalDatabase(tempDir('kiosk-bench-import-'));
    const db = local.db!;
    let t = performance.now();
    const summary = importPack(db, check.pack, 'import');
    imports.push(performance.now() - t);
    if (summary.texts !== pack.texts.length) throw new Error('the import did not write every text');
    db.close();

    const bare = openLocalDatabase(tempDir('kiosk-bench-floor-'));
    const insert = bare.db!.prepare(
      'INSERT INTO texts (procedure_id, locale, key, text, status, reviewer, reviewed_at, source_note, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    t = performance.now();
    bare.db!.transaction(() => {
      for (const x of check.pack.texts) insert.run(x.procedure, x.locale, x.key, x.text, x.status, x.reviewer, x.reviewedAt, x.sourceNote, 'import');
    })();
    floors.push(performance.now() - t);
    bare.db!.close();
  }
  const rows = pack.texts.length;
  const rate = rows / (median(imports) / 1000);
  const floorRate = rows / (median(floors) / 1000);
  const detail = {
    how: `importPack(local database, pack, 'import') into a fresh local.db (openLocalDatabase: WAL, migrations) ${imports.length} times, median; rows = text rows in the pack`,
    pack: { topics: pack.procedures[0]!.topics.length, languages: pack.locales.length, textRows: rows, sections: pack.procedures[0]!.topics.reduce((n, t) => n + t.sections.length, 0) },
    importMs: imports.map(Math.round),
    floor: 'the same text rows by one prepared INSERT in one transaction into a fresh local.db',
    floorMs: floors.map(Math.round),
    floorRowsPerSecond: Math.round(floorRate),
    generateAndValidateMs: Math.round(generateMs),
  };
  return [
    figure('import.rowsPerSecond', 'Pack import (200 topics x 10 languages)', rate, 'text rows/s', { kind: 'min', limit: 50_000 }, detail, { runs: imports.length }),
    figure('import.ratio', 'Pack import time (ratio to floor)', median(imports) / median(floors), 'x floor', null, {}, { runs: imports.length, how: 'see import.rowsPerSecond; median import time over median floor time', floor: { value: median(floors), unit: 'ms', what: detail.floor } }),
  ];
}
