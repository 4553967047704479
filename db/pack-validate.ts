/**
 * Validates a content pack: first its shape (zod), then its meaning (ids unique, every
 * reference resolves, every language complete, variables as in English, illustrations safe).
 * Each problem names the place in the file and what is wrong.
 */
import { packSchema, MAX_PACK_BYTES, type ContentPack, type PackProcedure } from './pack-schema';
import { expectedTextKeys, glossaryLinks } from './content-keys';
import { illustrationProblem } from './illustration-safety';
import { clinicVariableNames, isClinicVariable, isSheetVariable, templateVariables } from '../electron/shared/sheet-variables';
import { isSheetTemplateKey } from '../electron/shared/text-keys';
import { NARRATION_MAX_BYTES } from '../electron/shared/narration';
import { probeAudio, sniffAudio } from './audio-probe';
import { sha256 } from './canonical-json';

export const SOURCE_LOCALE = 'en';

export interface PackProblem {
  /** Where in the file, as a JSON path such as `texts[12]` or `procedures[0].quiz[2].answer`. */
  path: string;
  message: string;
}

export type PackCheck = { ok: true; pack: ContentPack } | { ok: false; problems: PackProblem[] };

export interface PackValidationOptions {
  /** Bundled content must not have words inside illustrations. */
  forbidTextInIllustrations?: boolean;
}

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${String(s)}` : String(s)), '') || '(the whole file)';
}

/** Parses and validates pack file bytes. */
export function checkPackFile(bytes: Buffer | string, options: PackValidationOptions = {}): PackCheck {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > MAX_PACK_BYTES)
    return { ok: false, problems: [{ path: '(the whole file)', message: `the file is ${(size / 1048576).toFixed(1)} MB; packs may be at most ${MAX_PACK_BYTES / 1048576} MB` }] };
  let json: unknown;
  try {
    json = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch {
    // Never echo the parser's message: it quotes the file's first bytes, which may not be a pack at all.
    return { ok: false, problems: [{ path: '(the whole file)', message: 'the file is not valid JSON, so it is not a content pack (it may be damaged or incomplete)' }] };
  }
  return checkPack(json, options);
}

/** Validates an already-parsed pack. */
export function checkPack(json: unknown, options: PackValidationOptions = {}): PackCheck {
  if (json && typeof json === 'object' && 'formatVersion' in json && (json as { formatVersion: unknown }).formatVersion !== 1) {
    const version = (json as { formatVersion: unknown }).formatVersion;
    const shown = typeof version === 'number' || typeof version === 'string' ? String(version).slice(0, 20) : `of type ${version === null ? 'null' : typeof version}`;
    return { ok: false, problems: [{ path: 'formatVersion', message: `this pack has format version ${shown}; this kiosk reads version 1` }] };
  }
  const parsed = packSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 50).map((i) => ({ path: jsonPath(i.path), message: i.message })),
    };
  }
  const problems = meaningProblems(parsed.data, options);
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data };
}

function duplicates<T>(items: T[], id: (t: T) => string, path: string, what: string, out: PackProblem[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = id(item);
    if (seen.has(key)) out.push({ path: `${path}[${i}]`, message: `duplicate ${what} "${key}"` });
    seen.add(key);
  });
}

function structureProblems(p: PackProcedure, at: string, options: PackValidationOptions, out: PackProblem[]): void {
  duplicates(p.topics, (t) => t.id, `${at}.topics`, 'topic id', out);
  p.topics.forEach((t, i) => duplicates(t.sections, (s) => s, `${at}.topics[${i}].sections`, 'section id', out));
  duplicates(p.steps, (s) => s.id, `${at}.steps`, 'step id', out);
  duplicates(p.glossary, (g) => g, `${at}.glossary`, 'glossary id', out);
  duplicates(p.quiz, (q) => q.id, `${at}.quiz`, 'quiz question id', out);
  duplicates(p.illustrations, (x) => x.id, `${at}.illustrations`, 'illustration id', out);
  duplicates(p.discharge.sections, (s) => s.id, `${at}.discharge.sections`, 'sheet section id', out);
  p.discharge.sections.forEach((s, i) => duplicates(s.items, (x) => x.id, `${at}.discharge.sections[${i}].items`, 'sheet item id', out));
  duplicates(p.discharge.clinicRedFlags, (f) => f, `${at}.discharge.clinicRedFlags`, 'red flag id', out);
  duplicates(p.discharge.emergencyRedFlags, (f) => f, `${at}.discharge.emergencyRedFlags`, 'red flag id', out);

  const illustrations = new Set(p.illustrations.map((x) => x.id));
  if (p.heroIllustration && !illustrations.has(p.heroIllustration))
    out.push({ path: `${at}.heroIllustration`, message: `illustration "${p.heroIllustration}" is not in this procedure's illustrations` });
  p.steps.forEach((s, i) => {
    if (s.illustration && !illustrations.has(s.illustration))
      out.push({ path: `${at}.steps[${i}].illustration`, message: `illustration "${s.illustration}" is not in this procedure's illustrations` });
  });
  const topics = new Set(p.topics.map((t) => t.id));
  const steps = new Set(p.steps.map((s) => s.id));
  p.quiz.forEach((q, i) => {
    if (!q.options.includes(q.answer)) out.push({ path: `${at}.quiz[${i}].answer`, message: `answer "${q.answer}" is not one of the options` });
    const [kind, id = ''] = q.teaches.split(':');
    if (!(kind === 'step' ? steps : topics).has(id))
      out.push({ path: `${at}.quiz[${i}].teaches`, message: `"${q.teaches}" does not name a ${kind} of this procedure` });
  });
  p.illustrations.forEach((x, i) => {
    const problem = illustrationProblem(x.mediaType, Buffer.from(x.data, 'base64'), { forbidText: options.forbidTextInIllustrations ?? false });
    if (problem) out.push({ path: `${at}.illustrations[${i}]`, message: `illustration "${x.id}": ${problem}` });
  });
}

function meaningProblems(pack: ContentPack, options: PackValidationOptions): PackProblem[] {
  const out: PackProblem[] = [];
  duplicates(pack.locales, (l) => l.code, 'locales', 'language code', out);
  duplicates(pack.procedures, (p) => p.id, 'procedures', 'procedure id', out);
  pack.procedures.forEach((p, i) => structureProblems(p, `procedures[${i}]`, options, out));
  if (out.length) return out;

  const locales = new Set(pack.locales.map((l) => l.code));
  const procedures = new Map(pack.procedures.map((p) => [p.id, p]));
  const expected = new Map(pack.procedures.map((p) => [p.id, new Set(expectedTextKeys(p))]));
  const seen = new Map<string, number>();
  const english = new Map<string, string>();
  const present = new Map<string, Set<string>>();

  pack.texts.forEach((t, i) => {
    const where = `texts[${i}] (${t.procedure} / ${t.locale} / ${t.key})`;
    if (!locales.has(t.locale)) out.push({ path: where, message: `unknown language "${t.locale}": add it to "locales"` });
    const keys = expected.get(t.procedure);
    if (!keys) return void out.push({ path: where, message: `unknown procedure "${t.procedure}"` });
    if (!keys.has(t.key)) out.push({ path: where, message: `unknown key "${t.key}" for this procedure's structure` });
    const id = `${t.procedure}\u0000${t.locale}\u0000${t.key}`;
    if (seen.has(id)) out.push({ path: where, message: `duplicate key: the same text is also at texts[${seen.get(id)}]` });
    seen.set(id, i);
    const pair = `${t.procedure}\u0000${t.locale}`;
    if (!present.has(pair)) present.set(pair, new Set());
    present.get(pair)?.add(t.key);
    if (t.locale === SOURCE_LOCALE) english.set(`${t.procedure}\u0000${t.key}`, t.text);
    const glossary = new Set(procedures.get(t.procedure)?.glossary);
    for (const link of glossaryLinks(t.text))
      if (!glossary.has(link)) out.push({ path: where, message: `glossary link "${link}" is not in this procedure's glossary` });
    const sheetText = isSheetTemplateKey(t.key);
    for (const name of templateVariables(t.text)) {
      if (!isSheetVariable(name)) out.push({ path: where, message: `unknown variable {{${name}}}` });
      else if (!sheetText && !isClinicVariable(name))
        out.push({ path: where, message: `{{${name}}} is a patient's value and belongs only in discharge-sheet texts; patient screens may use ${clinicVariableNames.map((n) => `{{${n}}}`).join(', ')}` });
    }
  });

  for (const p of pack.procedures) {
    if (!present.has(`${p.id}\u0000${SOURCE_LOCALE}`))
      out.push({ path: 'texts', message: `procedure "${p.id}" has no English (${SOURCE_LOCALE}) texts; every pack carries the English source` });
  }
  for (const [pair, keys] of present) {
    const [procedure, locale] = pair.split('\u0000') as [string, string];
    const missing = [...(expected.get(procedure) ?? [])].filter((k) => !keys.has(k));
    if (missing.length)
      out.push({ path: 'texts', message: `missing required text in ${locale} for "${procedure}": ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}` });
  }
  pack.texts.forEach((t, i) => {
    if (t.locale === SOURCE_LOCALE) return;
    const source = english.get(`${t.procedure}\u0000${t.key}`);
    if (source === undefined) return;
    const want = templateVariables(source).join(', ');
    const got = templateVariables(t.text).join(', ');
    if (want !== got)
      out.push({ path: `texts[${i}] (${t.procedure} / ${t.locale} / ${t.key})`, message: `variables do not match English: English has [${want}], this text has [${got}]` });
  });
  narrationProblems(pack, locales, expected, out);
  return out.slice(0, 100);
}

const narrationWhere = (n: { procedure: string; locale: string; key: string }, i: number) => `narrations[${i}] (${n.procedure} / ${n.locale} / ${n.key})`;

/** Each recording names a text of the pack and its bytes are what it says (size, hash, signature). */
function narrationProblems(pack: ContentPack, locales: Set<string>, expected: Map<string, Set<string>>, out: PackProblem[]): void {
  const narrations = pack.narrations ?? [];
  duplicates(narrations, (n) => `${n.procedure}/${n.locale}/${n.key}`, 'narrations', 'recording for the text', out);
  narrations.forEach((n, i) => {
    const where = narrationWhere(n, i);
    if (!locales.has(n.locale)) out.push({ path: where, message: `unknown language "${n.locale}": add it to "locales"` });
    const keys = expected.get(n.procedure);
    if (!keys) return void out.push({ path: where, message: `unknown procedure "${n.procedure}"` });
    if (!keys.has(n.key)) out.push({ path: where, message: `unknown key "${n.key}" for this procedure's structure` });
    const data = Buffer.from(n.data, 'base64');
    if (data.length > NARRATION_MAX_BYTES) return void out.push({ path: where, message: `the recording is ${(data.length / 1048576).toFixed(1)} MB; at most ${NARRATION_MAX_BYTES / 1048576} MB` });
    if (sha256(data) !== n.sha256) return void out.push({ path: where, message: 'the recording does not match its sha256: the file is damaged' });
    const sniffed = sniffAudio(data);
    if (sniffed !== n.mediaType) out.push({ path: where, message: sniffed ? `the recording is ${sniffed}, not ${n.mediaType}` : 'the recording is not audio the kiosk can play' });
  });
}

/**
 * Reads every recording's real headers (format and duration), which is asynchronous; run it
 * after checkPack/checkPackFile succeeded. A pack with any broken recording is refused whole.
 */
export async function narrationAudioProblems(pack: ContentPack): Promise<PackProblem[]> {
  const out: PackProblem[] = [];
  for (const [i, n] of (pack.narrations ?? []).entries()) {
    const probe = await probeAudio(Buffer.from(n.data, 'base64'));
    if (!probe.ok) out.push({ path: narrationWhere(n, i), message: `the recording cannot be used: ${probe.problem}` });
    else if (probe.mime !== n.mediaType) out.push({ path: narrationWhere(n, i), message: `the recording is ${probe.mime}, not ${n.mediaType}` });
  }
  return out;
}
