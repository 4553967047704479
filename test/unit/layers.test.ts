/**
 * DESIGN.md section 2: who may import whom. layers.json holds the allow-lists; this test checks
 * them with its own scanner (test/fixtures/layer-scan.ts) and proves both the scanner and the
 * ESLint rule `kiosk/layers` on a folder of deliberately bad imports.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { repoRoot } from '../fixtures/content';
import { fileViolations, layerRules, layers, packageAllowed, scan, sourceFiles, type Layer } from '../fixtures/layer-scan';

const badRoot = join(repoRoot, 'test/fixtures/layers-bad');

/** What the bad fixture must produce, file by file: the scanner must see every one of these. */
/** The scanner's message for a package outside a layer's allow-list (layers.json). */
const onlyPackages = (layer: Layer) => `${layer} may use only the packages ${layerRules[layer].packages.join(', ')}`;

const expectedBad = [
  `electron/shared/uses-node.ts imports "fs": ${onlyPackages('shared')}`,
  `electron/shared/uses-node.ts imports "electron-log": ${onlyPackages('shared')}`,
  'electron/shared/uses-node.ts imports "../core/dispatch": shared may import only shared, not core',
  'electron/shared/uses-node.ts imports "../../db/connection.ts": shared may import only shared, not db',
  `electron/core/opens-sqlite.ts imports "better-sqlite3": ${onlyPackages('core')}`,
  'electron/core/opens-sqlite.ts imports "../main/ipc": core may import only core, shared, db, not main',
  'electron/main/skips-core.ts imports "../../db/connection": main may import only main, core, shared, not db',
  'electron/web/skips-core.ts imports "../../db/migrate": web may import only web, core, shared, not db',
  'renderer/src/reaches-core.tsx imports "../../electron/core/handlers": renderer may import only renderer, shared, resources, not core',
  `renderer/src/reaches-core.tsx imports "node:fs": ${onlyPackages('renderer')}`,
  'renderer/src/reaches-core.tsx imports "../../db/*.ts": renderer may import only renderer, shared, resources, not db',
];

/**
 * Files outside db/ that still hold SQL: the content service's structure reads (topics, steps,
 * quiz, discharge sections), until they move into db/ (issue 12). The overlay's statements are
 * all in db/overlay.ts. This list only shrinks.
 */
const sqlNotYetInDb = ['electron/core/content-service.ts'];

/** A better-sqlite3 call given SQL text: db.prepare('…'), db.prepare<P, R>(`…`), db.exec('…'), db.pragma('…'). */
const sqlCall = /\.(?:prepare|exec|pragma)\s*(?:<[^>]*>)?\s*\(\s*['"`]/;

describe('layer boundaries', () => {
  it('no file imports across layers in a way DESIGN.md forbids', () => {
    const { files, violations } = scan(repoRoot);
    expect(violations).toEqual([]);
    expect(files).toBe(layers.reduce((n, l) => n + sourceFiles(join(repoRoot, layerRules[l].dir)).length, 0));
    expect(files).toBeGreaterThan(100);
  });

  it('only db/ may open SQLite: no other layer may import better-sqlite3, and core reaches SQL only through db/', () => {
    expect(layers.filter((l) => packageAllowed(layerRules[l].packages, 'better-sqlite3'))).toEqual(['db']);
    expect(fileViolations(repoRoot, join(repoRoot, 'electron/core/opens-sqlite.ts'), "import Database from 'better-sqlite3';")).toEqual([
      `electron/core/opens-sqlite.ts imports "better-sqlite3": ${onlyPackages('core')}`,
    ]);
    expect(fileViolations(repoRoot, join(repoRoot, 'electron/core/uses-repos.ts'), "import { staffRepo } from '../../db/repos/staff';")).toEqual([]);
  });

  it('SQL lives in db/: no other layer prepares, executes or runs a pragma on SQL text', () => {
    const withSql = layers
      .filter((l) => l !== 'db')
      .flatMap((l) => sourceFiles(join(repoRoot, layerRules[l].dir)))
      .filter((file) => sqlCall.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file).split('\\').join('/'));
    expect(withSql.filter((f) => !sqlNotYetInDb.includes(f))).toEqual([]);
    expect(sqlCall.test("db.prepare<[string], { role: string }>('SELECT role FROM staff_pins')")).toBe(true);
    expect(sqlCall.test('copy.exec(`DELETE FROM staff_pins; VACUUM;`)')).toBe(true);
    expect(sqlCall.test('core.speech.prepare(request); /x/.exec(body)')).toBe(false);
  });

  it('the scanner finds every kind of forbidden import in a bad sample, and nothing in comments or allowed imports', () => {
    const { files, violations } = scan(badRoot);
    expect(files).toBe(6);
    expect([...violations].sort()).toEqual([...expectedBad].sort());
  });

  it('the ESLint rule reports the same bad imports when those files sit in the real layers', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const reported: string[] = [];
    for (const file of sourceFiles(badRoot)) {
      const rel = relative(badRoot, file).split('\\').join('/');
      const [result] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: join(repoRoot, rel) });
      for (const m of result?.messages ?? []) if (m.ruleId === 'kiosk/layers') reported.push(`${rel}:${m.line}`);
    }
    expect(reported.sort()).toEqual(
      [
        'electron/shared/uses-node.ts:2',
        'electron/shared/uses-node.ts:6',
        'electron/shared/uses-node.ts:7',
        'electron/shared/uses-node.ts:8',
        'electron/core/opens-sqlite.ts:1',
        'electron/core/opens-sqlite.ts:3',
        'electron/main/skips-core.ts:1',
        'electron/web/skips-core.ts:1',
        'renderer/src/reaches-core.tsx:1',
        'renderer/src/reaches-core.tsx:2',
        'renderer/src/reaches-core.tsx:5',
      ].sort(),
    );
  });
});
