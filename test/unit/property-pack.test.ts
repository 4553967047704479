/**
 * Property: any corruption of a valid content pack — a deleted key, a value of the wrong type,
 * a truncated file, a duplicated text, an illustration replaced by random bytes, another format
 * version — is rejected by checkPackFile/checkPack with problems that name where in the file,
 * importing is never attempted, and the clinic's database is left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { checkPack, checkPackFile, type PackCheck } from '../../db/pack-validate';
import type * as importer from '../../db/importer';
import { importPack } from '../../db/importer';
import { openLocalDatabase, type LocalDatabase } from '../../db/local-db';
import type { Db } from '../../db/connection';
import { removeTempDirs, sourcePack, tempDir } from '../fixtures/content';
import { svgBypasses } from '../fixtures/images';

// Count every import attempt, while still importing for real.
vi.mock('../../db/importer', async (original) => {
  const actual = await original<typeof importer>();
  return { ...actual, importPack: vi.fn(actual.importPack) };
});
const importSpy = vi.mocked(importPack);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const validText = JSON.stringify(sourcePack());
const fresh = (): { [k: string]: Json } => JSON.parse(validText) as { [k: string]: Json };

/** The same notation the validator uses: `procedures[0].topics[2].icon`. */
function jsonPath(path: Path): string {
  return path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '') || '(the whole file)';
}

/** Every path in the pack below `prefix` (objects' keys and arrays' items), prefix included. */
function pathsUnder(root: Json, prefix: Path): Path[] {
  let node: Json = root;
  for (const s of prefix) node = (node as Record<string, Json>)[s] as Json;
  const out: Path[] = [];
  const walk = (n: Json, at: Path) => {
    out.push(at);
    if (Array.isArray(n)) n.forEach((c, i) => walk(c, [...at, i]));
    else if (n && typeof n === 'object') for (const [k, c] of Object.entries(n)) walk(c, [...at, k]);
  };
  walk(node, prefix);
  return out;
}

// Paths grouped by region, so corruptions land in the structure as often as in the 1,000+ texts.
const template = fresh();
const regions: Path[][] = [
  pathsUnder(template, []).filter((p) => p.length <= 1),
  pathsUnder(template, ['locales']),
  ...(template.procedures as Json[]).map((_, i) => pathsUnder(template, ['procedures', i])),
  pathsUnder(template, ['texts']),
];
const anyPath = (filter: (p: Path) => boolean) => {
  const usable = regions.map((r) => r.filter(filter)).filter((r) => r.length > 0);
  return fc.integer({ min: 0, max: usable.length - 1 }).chain((i) => fc.constantFrom(...usable[i]!));
};

function get(root: Json, path: Path): Json {
  let node = root;
  for (const s of path) node = (node as Record<string, Json>)[s] as Json;
  return node;
}
function set(root: Json, path: Path, value: Json | undefined): Json {
  if (!path.length) return value as Json;
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return root;
}

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/**
 * Values of every JSON type but the field's own. Null is never used, and a null is never replaced
 * by a string: the format's nullable fields are "string or null", so those would not change the type.
 */
const otherTypeThan = (kind: string): fc.Arbitrary<Json> =>
  fc.oneof(
    ...[
      ['string', fc.string({ maxLength: 20 })],
      ['number', fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))],
      ['boolean', fc.boolean()],
      ['array', fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })],
      ['object', fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })],
    ]
      .filter(([k]) => k !== kind && !(kind === 'null' && k === 'string'))
      .map(([, a]) => a as fc.Arbitrary<Json>),
  );

// Keys the format allows to be absent.
// A locale's font may be left out: packs made before fonts were named get Noto Sans; its Intl locale defaults to its code.
const optionalKeys = new Set(['description', 'when', 'signature', 'font', 'intlLocale']);

let local: LocalDatabase;
let db: Db;
let before: string;

/** A digest of every row of every table, plus the database files' bytes. */
function databaseDigest(): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  for (const suffix of ['', '-wal']) if (existsSync(local.path + suffix)) hash.update(readFileSync(local.path + suffix));
  return hash.digest('hex');
}

/** What an import does: validate the file, and write only a pack that passed. */
function importFile(bytes: string | Buffer): PackCheck {
  const check = checkPackFile(bytes);
  if (check.ok) importPack(db, check.pack, 'import');
  return check;
}

beforeAll(() => {
  local = openLocalDatabase(tempDir('kiosk-prop-pack-'));
  db = local.db!;
  // The clinic already imported a pack once: there is content to lose.
  expect(importFile(validText).ok).toBe(true);
  db.pragma('wal_checkpoint(TRUNCATE)');
  importSpy.mockClear();
  before = databaseDigest();
});
afterAll(() => {
  db.close();
  removeTempDirs();
});

/** The rejection names a place: `target` itself, something inside it, or (for whole-file problems) the file. */
function expectRejected(check: PackCheck, target: string, what: string): void {
  expect(check.ok, `${what} was accepted`).toBe(false);
  if (check.ok) return;
  expect(check.problems.length, what).toBeGreaterThan(0);
  for (const p of check.problems) {
    expect(typeof p.path === 'string' && p.path.length > 0, `${what}: a problem without a path`).toBe(true);
    expect(typeof p.message === 'string' && p.message.length > 0, `${what}: a problem without a message`).toBe(true);
  }
  const named = check.problems.some(
    (p) => p.path === target || p.path.startsWith(`${target}.`) || p.path.startsWith(`${target}[`) || p.path.startsWith(`${target} (`),
  );
  expect(named, `${what}: no problem names ${target}: ${JSON.stringify(check.problems.slice(0, 3))}`).toBe(true);
}

/** Checks the pack both as parsed JSON and as file bytes through the import path. */
function rejectsEverywhere(pack: Json, target: string, what: string): void {
  expectRejected(checkPack(pack), target, `${what} (checkPack)`);
  expectRejected(importFile(JSON.stringify(pack)), target, `${what} (checkPackFile)`);
  expect(importSpy, `${what}: import was attempted`).not.toHaveBeenCalled();
  expect(databaseDigest(), `${what}: the database changed`).toBe(before);
}

describe('property: corrupted content packs are rejected with a path, and nothing is imported', () => {
  it('the unchanged pack is accepted (the baseline the corruptions start from)', () => {
    expect(checkPackFile(validText).ok).toBe(true);
  });

  it('a deleted required key', () => {
    const deletable = (p: Path) => p.length > 0 && typeof p[p.length - 1] === 'string' && !optionalKeys.has(p[p.length - 1] as string);
    fc.assert(
      fc.property(anyPath(deletable), (path) => {
        rejectsEverywhere(set(fresh(), path, undefined), jsonPath(path), `deleting ${jsonPath(path)}`);
      }),
      { numRuns: 40 },
    );
  });

  it('a value changed to another type', () => {
    const target = anyPath(() => true).chain((path) => fc.tuple(fc.constant(path), otherTypeThan(kindOf(get(template, path)))));
    fc.assert(
      fc.property(target, ([path, value]) => {
        rejectsEverywhere(set(fresh(), path, value), jsonPath(path), `${jsonPath(path)} := ${JSON.stringify(value)}`);
      }),
      { numRuns: 40 },
    );
  });

  it('a file truncated at any point', () => {
    const pretty = JSON.stringify(JSON.parse(validText), null, 2);
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.boolean(), (indent, at, asBytes) => {
        const text = indent ? pretty : validText;
        const bytes = Buffer.from(text, 'utf8');
        const cut = Math.floor(at * bytes.length);
        const file = asBytes ? bytes.subarray(0, cut) : text.slice(0, Math.floor(at * text.length));
        expectRejected(importFile(file), '(the whole file)', `truncated at ${cut}`);
        expect(importSpy).not.toHaveBeenCalled();
        expect(databaseDigest()).toBe(before);
      }),
      { numRuns: 60 },
    );
  });

  it('a duplicated text', () => {
    const count = (template.texts as Json[]).length;
    fc.assert(
      fc.property(fc.nat(count - 1), fc.nat(count), (from, to) => {
        const pack = fresh();
        const texts = pack.texts as Json[];
        texts.splice(to, 0, structuredClone(texts[from]!));
        rejectsEverywhere(pack, 'texts', `texts[${from}] duplicated at ${to}`);
      }),
      { numRuns: 40 },
    );
  });

  it('an illustration replaced by random bytes', () => {
    const illustrations = (template.procedures as { illustrations: Json[] }[]).flatMap((p, i) => p.illustrations.map((_, j) => [i, j] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...illustrations),
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom(null, 'image/svg+xml', 'image/png', 'image/webp'),
        ([i, j], bytes, mediaType) => {
          const pack = fresh();
          const x = (pack.procedures as { illustrations: Record<string, Json>[] }[])[i]!.illustrations[j]!;
          x.data = Buffer.from(bytes).toString('base64');
          if (mediaType) x.mediaType = mediaType;
          rejectsEverywhere(pack, `procedures[${i}].illustrations[${j}]`, `illustration ${i}/${j} as ${bytes.length} random bytes (${String(x.mediaType)})`);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('an illustration replaced by a namespaced or entity-encoded hostile SVG', () => {
    const illustrations = (template.procedures as { illustrations: Json[] }[]).flatMap((p, i) => p.illustrations.map((_, j) => [i, j] as const));
    const S = 'http://www.w3.org/2000/svg';
    /** Any prefix, bound to the SVG or XHTML namespace, on a forbidden element. */
    const namespaced = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), fc.constantFrom(S, 'http://www.w3.org/1999/xhtml'), fc.constantFrom('script', 'foreignObject', 'iframe', 'image', 'a', 'style', 'set', 'animate', 'feImage'))
      .filter(([prefix]) => !prefix.startsWith('xml'))
      .map(([prefix, ns, el]) => `<svg xmlns="${S}"><${prefix}:${el} xmlns:${prefix}="${ns}" href="https://example.com/x"/></svg>`);
    /** A link or url() whose letters are written as character references, chosen at random. */
    const encode = (text: string, mask: boolean[]) => [...text].map((c, k) => (mask[k % mask.length] ? `&#x${c.charCodeAt(0).toString(16)};` : c)).join('');
    const links = fc.tuple(fc.constantFrom('javascript:alert(1)', 'https://example.com/a.svg#p', 'data:image/svg+xml,x'), fc.constantFrom('href', 'xlink:href'));
    const urls = fc.tuple(fc.constantFrom('url(https://example.com/x)', 'u\\72l(https://example.com/x)', 'url("data:,x")'), fc.constantFrom('fill', 'style', 'filter', 'mask'));
    const encoded = fc
      .tuple(fc.oneof(links, urls), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }))
      .map(([[target, attr], mask]) => `<svg xmlns="${S}" xmlns:xlink="http://www.w3.org/1999/xlink"><use ${attr}="${encode(target, mask)}"/></svg>`);
    fc.assert(
      fc.property(fc.constantFrom(...illustrations), fc.oneof(namespaced, encoded, fc.constantFrom(...svgBypasses.map((b) => b[1]))), ([i, j], svg) => {
        const pack = fresh();
        const x = (pack.procedures as { illustrations: Record<string, Json>[] }[])[i]!.illustrations[j]!;
        x.mediaType = 'image/svg+xml';
        x.data = Buffer.from(svg).toString('base64');
        rejectsEverywhere(pack, `procedures[${i}].illustrations[${j}]`, `illustration ${i}/${j} as ${svg}`);
      }),
      { numRuns: 60 },
    );
  });

  it('another format version', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 1 }).filter((v) => v !== 1), (version) => {
        const pack = fresh();
        pack.formatVersion = version as Json;
        rejectsEverywhere(pack, 'formatVersion', `formatVersion ${JSON.stringify(version)}`);
      }),
      // Objects that cannot be turned into a string (found by this property; kept as examples).
      { numRuns: 40, examples: [[{ toString: 1 }], [{ valueOf: {}, toString: {} }], ['2'], [null]] },
    );
    // Values JSON cannot carry, for callers that hand over parsed objects.
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withBigInt: true, withDate: true, withMap: true }).filter((v) => v !== 1), (version) => {
        const pack: Record<string, unknown> = fresh();
        pack.formatVersion = version;
        expectRejected(checkPack(pack), 'formatVersion', `formatVersion ${fc.stringify(version)}`);
      }),
      { numRuns: 40 },
    );
  });
});
