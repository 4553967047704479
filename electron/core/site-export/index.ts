/**
 * `export-site`: a static, private website of the clinic's current content, for the clinic
 * to host on any static web server. Deterministic: the same content and settings give the
 * same bytes, listed with their sha256 in manifest.json (and SHA256SUMS for `sha256sum -c`).
 */
import { createHash } from 'node:crypto';
import type { ContentService } from '../content-service';
import type { Settings } from '../../shared/settings-schema';
import { KioskError } from '../../shared/errors';
import { normalizeSiteBase, siteBaseUrlProblem } from '../../shared/site-url';
import { noNarration, readSiteModel, type NarrationSource } from './site-model';
import { SiteMedia, sitePages } from './site-pages';
import { siteStrings } from './site-strings';
import { languageFontCss, siteFonts } from './site-fonts';
import type { FontPackage } from '../../shared/fonts';
import { quizJs, readAloudJs, siteCss, siteIconSvg } from './site-assets';
import { outputFolderProblem, writeSiteFolder } from './site-writer';

export interface SiteExportInput {
  content: ContentService;
  settings: Settings;
  /** The kiosk's UI string files (resources/locales). */
  uiStringsDir: string;
  baseUrl: string;
  contentHash: string;
  narration?: NarrationSource;
}

export interface SiteExportResult {
  path: string;
  files: number;
  bytes: number;
  languages: string[];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file of the site, in memory, sorted by path: the bytes the folder will hold. */
export function buildSiteFiles(input: SiteExportInput): Map<string, Buffer> {
  const problem = siteBaseUrlProblem(input.baseUrl);
  if (problem) throw new KioskError('INVALID_INPUT', `The site was not written: ${problem}.`, 'baseUrl');
  const baseUrl = normalizeSiteBase(input.baseUrl);
  const model = readSiteModel(input.content, input.settings);
  if (model.languages.length === 0) throw new KioskError('INVALID_INPUT', 'The site was not written: no language is enabled in Settings.', 'enabledLocales');
  const strings = siteStrings(input.uiStringsDir, model.languages.map((l) => l.locale.code));
  const media = new SiteMedia();
  const pages = sitePages(model, strings, media, input.narration ?? noNarration);
  // Each language's pages in its own font; pages outside a language folder (the language
  // choice) name every language, each in its own font.
  const fontOf = new Map(model.languages.map((l) => [l.locale.code, l.locale.font]));
  const textByFont = new Map<FontPackage, string>();
  for (const [path, html] of pages) {
    const font = fontOf.get(path.split('/')[0] ?? '');
    for (const f of font ? [font] : [...new Set(fontOf.values())]) textByFont.set(f, `${textByFont.get(f) ?? ''}${html}`);
  }
  const fonts = siteFonts(textByFont);
  const files = new Map<string, Buffer>();
  for (const [path, html] of pages) files.set(path, Buffer.from(html, 'utf8'));
  for (const [path, bytes] of media.files) files.set(path, bytes);
  for (const [path, bytes] of fonts.files) files.set(path, bytes);
  files.set('assets/site.css', Buffer.from(`${fonts.css}${languageFontCss(model.languages.map((l) => l.locale))}${siteCss}`, 'utf8'));
  files.set('assets/read-aloud.js', Buffer.from(readAloudJs, 'utf8'));
  files.set('assets/quiz.js', Buffer.from(quizJs, 'utf8'));
  files.set('assets/icon.svg', Buffer.from(siteIconSvg, 'utf8'));
  const sorted = [...files.keys()].sort();
  const manifest = {
    format: 1,
    baseUrl,
    contentHash: input.contentHash,
    languages: model.languages.map((l) => l.locale.code),
    procedures: [...new Set(model.languages.flatMap((l) => l.procedures.map((p) => p.id)))],
    files: sorted.map((path) => ({ path, bytes: files.get(path)!.length, sha256: sha256(files.get(path)!) })),
  };
  const out = new Map<string, Buffer>(sorted.map((p) => [p, files.get(p)!]));
  out.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8'));
  out.set('SHA256SUMS', Buffer.from(manifest.files.map((f) => `${f.sha256}  ${f.path}\n`).join('') + `${sha256(out.get('manifest.json')!)}  manifest.json\n`, 'utf8'));
  return out;
}

/** Builds the site and writes it as the new (or empty) folder `outDir`, all or nothing. */
export function exportSite(input: SiteExportInput & { outDir: string }): SiteExportResult {
  const baseProblem = siteBaseUrlProblem(input.baseUrl);
  if (baseProblem) throw new KioskError('INVALID_INPUT', `The site was not written: ${baseProblem}.`, 'baseUrl');
  // Refuse a bad folder before the work of building the site.
  const folderProblem = outputFolderProblem(input.outDir);
  if (folderProblem) throw new KioskError('INVALID_INPUT', `The site was not written: ${folderProblem}.`, 'outDir');
  const files = buildSiteFiles(input);
  const path = writeSiteFolder(input.outDir, files);
  const languages = (JSON.parse(files.get('manifest.json')!.toString('utf8')) as { languages: string[] }).languages;
  return { path, files: files.size, bytes: [...files.values()].reduce((n, b) => n + b.length, 0), languages };
}
