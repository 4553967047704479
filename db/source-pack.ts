/** Reads the reviewable source files in db/content/ and assembles one content pack. */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { z } from 'zod';
import { PACK_FORMAT, PACK_FORMAT_VERSION, localeSchema, reviewFields, structureSchema, type ContentPack } from './pack-schema';
import { contentId, localeCode } from '../electron/shared/ids';
import { fontPackages } from '../electron/shared/fonts';

const sourceStructure = structureSchema.extend({
  illustrations: z.array(z.strictObject({ id: contentId, file: z.string().min(1) })),
});

const sourceTexts = z.strictObject({
  locale: localeCode,
  procedure: contentId,
  review: z.strictObject(reviewFields),
  texts: z.record(z.string(), z.string()),
});

const mediaTypeByExtension: Record<string, 'image/svg+xml' | 'image/png' | 'image/webp'> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

export function readSourcePack(dir: string): ContentPack {
  // In the sources every language names its font (packs from older kiosks may leave it out).
  const locales = readJson(join(dir, 'locales.json'), z.array(localeSchema.extend({ font: z.enum(fontPackages, { message: `one of the kiosk's font packages: ${fontPackages.join(', ')}` }) })));
  const localeOrder = new Map(locales.map((l, i) => [l.code, i]));
  const procedureDirs = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'procedure.json')))
    .sort();
  const pack: ContentPack = { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, locales, procedures: [], texts: [] };
  for (const name of procedureDirs) {
    const base = join(dir, name);
    const structure = readJson(join(base, 'procedure.json'), sourceStructure);
    const illustrations = structure.illustrations.map((x) => {
      const mediaType = mediaTypeByExtension[extname(x.file).toLowerCase()];
      if (!mediaType) throw new Error(`${base}/procedure.json: illustration "${x.id}" must be .svg, .png or .webp`);
      return { id: x.id, mediaType, data: readFileSync(join(base, x.file)).toString('base64') };
    });
    pack.procedures.push({ ...structure, illustrations });
    const textFiles = existsSync(join(base, 'text'))
      ? readdirSync(join(base, 'text')).filter((f) => f.endsWith('.json'))
      : [];
    textFiles.sort((a, b) => (localeOrder.get(a.slice(0, -5)) ?? 99) - (localeOrder.get(b.slice(0, -5)) ?? 99) || a.localeCompare(b));
    for (const file of textFiles) {
      const src = readJson(join(base, 'text', file), sourceTexts);
      if (src.procedure !== structure.id) throw new Error(`${base}/text/${file}: "procedure" is ${src.procedure}, expected ${structure.id}`);
      for (const [key, text] of Object.entries(src.texts)) {
        pack.texts.push({ procedure: structure.id, locale: src.locale, key, text, ...src.review });
      }
    }
  }
  return pack;
}
