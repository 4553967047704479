/** Every page of the take-home site, as HTML text keyed by its path inside the site folder. */
import type { Illustration } from '../../shared/content-types';
import { glossaryAnchor } from '../../shared/markdown-rules';
import { procedurePagePath } from '../../shared/site-url';
import { textKey } from '../../shared/text-keys';
import { attr, esc } from './html';
import { markdownToHtml, type MarkdownLinks } from './markdown-html';
import type { NarrationSource, SiteLanguage, SiteModel, SiteProcedure } from './site-model';
import { page, provenanceNote, type LanguageLink, type PageFrame } from './site-layout';
import type { SiteT } from './site-strings';

const pictureExtensions: Record<string, string> = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/webp': 'webp' };
const audioExtensions: Record<string, string> = { 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg', 'audio/wav': 'wav', 'audio/webm': 'webm', 'audio/mp4': 'm4a' };

export const pageFiles = {
  home: 'index.html',
  topic: (id: string) => `topic-${id}.html`,
  walkthrough: 'walkthrough.html',
  quiz: 'quiz.html',
  glossary: 'glossary.html',
};

/** Files other than pages (pictures, recorded narration), collected while pages are written. */
export class SiteMedia {
  readonly files = new Map<string, Buffer>();

  picture(procedureId: string, ill: Illustration): string {
    const ext = pictureExtensions[ill.mediaType];
    if (!ext) throw new Error(`The picture "${ill.id}" is ${ill.mediaType}, which the site cannot show.`);
    const path = `assets/pictures/${procedureId}-${ill.id}.${ext}`;
    this.files.set(path, Buffer.from(ill.src.slice(ill.src.indexOf(',') + 1), 'base64'));
    return path;
  }

  audio(name: string, mediaType: string, data: Buffer): string | null {
    const ext = audioExtensions[mediaType];
    if (!ext) return null;
    const path = `assets/narration/${name}.${ext}`;
    this.files.set(path, data);
    return path;
  }
}

interface Context {
  model: SiteModel;
  t: (locale: string) => SiteT;
  media: SiteMedia;
  narration: NarrationSource;
}

const procRoot = '../../';

/** The same page in every language: the page itself where that language has it, else that language's procedure home. */
function languageLinks(ctx: Context, procedureId: string, file: string): LanguageLink[] {
  return ctx.model.languages.map((lang) => {
    const proc = lang.procedures.find((p) => p.id === procedureId);
    const has = proc && (!file.startsWith('topic-') || proc.topics.some((tp) => pageFiles.topic(tp.topic.id) === file));
    const target = proc ? `${procedurePagePath(procedureId, lang.locale.code)}${has ? file : pageFiles.home}` : `${lang.locale.code}/index.html`;
    return { locale: lang.locale, href: `${procRoot}${target}` };
  });
}

function frame(ctx: Context, lang: SiteLanguage, proc: SiteProcedure, file: string, title: string, extra: Partial<PageFrame> = {}): PageFrame {
  return {
    locale: lang.locale,
    t: ctx.t(lang.locale.code),
    toRoot: procRoot,
    title: `${title} | ${ctx.model.clinic.name}`,
    clinic: ctx.model.clinic,
    languages: languageLinks(ctx, proc.id, file),
    homeHref: file === pageFiles.home ? undefined : pageFiles.home,
    readAloud: true,
    ...extra,
  };
}

function img(ctx: Context, proc: SiteProcedure, ill: Illustration | null, className: string): string {
  return ill ? `<img class="${className}" src="${procRoot}${ctx.media.picture(proc.id, ill)}" alt="${attr(ill.alt)}">` : '';
}

/** Recorded narration for a text, when the content has one; the site plays it with the browser's own controls. */
function narrationPlayer(ctx: Context, proc: SiteProcedure, locale: string, key: string, label: string): string {
  const found = ctx.narration(proc.id, locale, key);
  if (!found) return '';
  const path = ctx.media.audio(`${proc.id}-${locale}-${key}`, found.mediaType, found.data);
  return path ? `<audio class="narration" controls preload="none" src="${procRoot}${path}" aria-label="${attr(label)}"></audio>\n` : '';
}

function links(proc: SiteProcedure, t: SiteT): MarkdownLinks {
  return { terms: new Set(proc.home.glossary.map((g) => g.id)), glossaryPage: pageFiles.glossary, tableLabel: t('app.screenLabel') };
}

function homePage(ctx: Context, lang: SiteLanguage, proc: SiteProcedure): string {
  const t = ctx.t(lang.locale.code);
  const { home } = proc;
  const tile = (href: string, title: string, summary: string, kind: string) =>
    `<li><a class="tile tile-${kind}" href="${attr(href)}"><span class="tile-title">${esc(title)}</span><span class="tile-summary">${esc(summary)}</span></a></li>`;
  const main = `<div class="home-header">
${img(ctx, proc, home.hero, 'hero')}
<div>
<h1>${esc(home.procedure.name)}</h1>
<p class="tagline">${esc(home.procedure.tagline)}</p>
</div>
</div>
${provenanceNote(home.provenance, t)}<h2 class="visually-hidden">${esc(t('app.topics'))}</h2>
<ul class="tiles">
${[
  ...home.topics.map((tp) => tile(pageFiles.topic(tp.id), tp.title, tp.summary, 'topic')),
  tile(pageFiles.walkthrough, t('home.walkthrough'), t('home.walkthroughSummary'), 'feature'),
  tile(pageFiles.quiz, t('home.quiz'), t('home.quizSummary'), 'feature'),
  tile(pageFiles.glossary, t('home.glossary'), t('home.glossarySummary'), 'feature'),
].join('\n')}
</ul>`;
  return page(frame(ctx, lang, proc, pageFiles.home, home.procedure.name), main);
}

function topicPage(ctx: Context, lang: SiteLanguage, proc: SiteProcedure, index: number): string {
  const t = ctx.t(lang.locale.code);
  const topic = proc.topics[index]!;
  const sections = topic.sections
    .filter((s) => s.heading || s.body)
    .map((s) => `<section class="topic-section" id="${attr(s.id)}">
${s.heading ? `<h2>${esc(s.heading)}</h2>` : ''}
${narrationPlayer(ctx, proc, lang.locale.code, textKey.topicSection(topic.topic.id, s.id, 'body'), s.heading)}${markdownToHtml(s.body, links(proc, t))}
</section>`);
  const main = `<h1>${esc(topic.topic.title)}</h1>
${provenanceNote(topic.provenance, t)}${sections.join('\n')}`;
  return page(frame(ctx, lang, proc, pageFiles.topic(topic.topic.id), topic.topic.title), main);
}

function walkthroughPage(ctx: Context, lang: SiteLanguage, proc: SiteProcedure): string {
  const t = ctx.t(lang.locale.code);
  const number = new Intl.NumberFormat(lang.locale.code);
  const steps = proc.walkthrough.steps;
  const items = steps.map((s, i) => `<li class="step" id="step-${attr(s.id)}">
<p class="step-progress">${esc(t('walkthrough.progress', { current: number.format(i + 1), total: number.format(steps.length) }))}</p>
<h2>${esc(s.title)}</h2>
${img(ctx, proc, s.illustration, 'step-illustration')}
${narrationPlayer(ctx, proc, lang.locale.code, textKey.step(s.id, 'body'), s.title)}<p>${esc(s.body)}</p>
<h3>${esc(t('walkthrough.feel'))}</h3>
<p>${esc(s.feel)}</p>
</li>`);
  const main = `<h1>${esc(t('walkthrough.title'))}</h1>
${provenanceNote(proc.walkthrough.provenance, t)}<ol class="steps">
${items.join('\n')}
</ol>
<section class="step-done">
<h2>${esc(t('walkthrough.done'))}</h2>
<p><a class="button" href="${pageFiles.quiz}">${esc(t('walkthrough.toQuiz'))}</a></p>
</section>`;
  return page(frame(ctx, lang, proc, pageFiles.walkthrough, t('walkthrough.title')), main);
}

function glossaryPage(ctx: Context, lang: SiteLanguage, proc: SiteProcedure): string {
  const t = ctx.t(lang.locale.code);
  const collator = new Intl.Collator(lang.locale.code);
  const sorted = proc.home.glossary.filter((g) => g.term).sort((a, b) => collator.compare(a.term, b.term) || a.id.localeCompare(b.id));
  const main = `<h1>${esc(t('glossary.title'))}</h1>
<dl class="glossary">
${sorted.map((g) => `<div class="glossary-entry" id="${attr(glossaryAnchor(g.id))}"><dt>${esc(g.term)}</dt><dd>${esc(g.definition)}</dd></div>`).join('\n')}
</dl>`;
  return page(frame(ctx, lang, proc, pageFiles.glossary, t('glossary.title')), main);
}

function quizPage(ctx: Context, lang: SiteLanguage, proc: SiteProcedure): string {
  const t = ctx.t(lang.locale.code);
  const number = new Intl.NumberFormat(lang.locale.code);
  const questions = proc.quiz.questions.filter((q) => q.question && q.options.every((o) => o.text));
  const teaching = (kind: 'step' | 'topic', id: string) => {
    if (kind === 'step') {
      const step = proc.walkthrough.steps.find((s) => s.id === id);
      return step ? { href: `${pageFiles.walkthrough}#step-${id}`, title: step.title } : null;
    }
    const tile = proc.home.topics.find((tp) => tp.id === id);
    return tile ? { href: pageFiles.topic(id), title: tile.title } : null;
  };
  const items = questions.map((q, i) => {
    const answer = q.options.find((o) => o.id === q.answer);
    const place = teaching(q.teaches.kind, q.teaches.id);
    return `<li class="quiz-item">
<fieldset class="quiz-question" data-question="${attr(q.id)}" data-answer="${attr(q.answer)}">
<legend><span class="quiz-progress">${esc(t('quiz.progress', { current: number.format(i + 1), total: number.format(questions.length) }))}</span> ${esc(q.question)}</legend>
${q.options.map((o) => `<label class="quiz-option"><input type="radio" name="q-${attr(q.id)}" value="${attr(o.id)}"> <span>${esc(o.text)}</span></label>`).join('\n')}
<p class="quiz-verdict" data-verdict data-right="${attr(t('quiz.right'))}" data-not-quite="${attr(t('quiz.notQuite'))}" role="status"></p>
<details class="quiz-answer">
<summary>${esc(t('takeHome.showAnswer'))}</summary>
<p><strong>${esc(answer?.text ?? '')}</strong></p>
<p>${esc(q.explanation)}</p>
${place ? `<p><a href="${attr(place.href)}">${esc(t('quiz.goBack', { title: place.title }))}</a></p>` : ''}
</details>
</fieldset>
</li>`;
  });
  const main = `<h1>${esc(t('quiz.title'))}</h1>
<p class="quiz-intro">${esc(t('quiz.intro'))}</p>
${provenanceNote(proc.quiz.provenance, t)}<ol class="quiz-list">
${items.join('\n')}
</ol>
<p>${esc(t('quiz.askStaff'))}</p>`;
  return page(frame(ctx, lang, proc, pageFiles.quiz, t('quiz.title'), { scripts: ['quiz.js'] }), main);
}

function languageIndex(ctx: Context, lang: SiteLanguage): string {
  const t = ctx.t(lang.locale.code);
  const list = lang.procedures
    .map((p) => `<li><a class="tile" href="${attr(`${p.id}/${pageFiles.home}`)}"><span class="tile-title">${esc(p.home.procedure.name)}</span><span class="tile-summary">${esc(p.home.procedure.tagline)}</span></a></li>`)
    .join('\n');
  const languages = ctx.model.languages.map((l) => ({ locale: l.locale, href: `../${l.locale.code}/index.html` }));
  return page(
    { locale: lang.locale, t, toRoot: '../', title: `${t('procedures.title')} | ${ctx.model.clinic.name}`, clinic: ctx.model.clinic, languages },
    `<h1>${esc(t('procedures.title'))}</h1>\n<ul class="tiles">\n${list}\n</ul>`,
  );
}

function rootIndex(ctx: Context): string {
  const first = ctx.model.languages.find((l) => l.locale.code === ctx.model.defaultLocale) ?? ctx.model.languages[0]!;
  const t = ctx.t(first.locale.code);
  const list = ctx.model.languages
    .map((l) => `<li><a class="tile language-tile" href="${attr(`${l.locale.code}/index.html`)}" lang="${attr(l.locale.code)}" dir="${l.locale.direction}"><span class="tile-title">${esc(l.locale.nativeName)}</span></a></li>`)
    .join('\n');
  return page(
    { locale: first.locale, t, toRoot: '', title: ctx.model.clinic.name, clinic: ctx.model.clinic, languages: [] },
    `<h1>${esc(t('language.title'))}</h1>\n<ul class="tiles languages-list">\n${list}\n</ul>`,
  );
}

/** Every page, keyed by path inside the site folder; pictures and narration land in `media`. */
export function sitePages(model: SiteModel, t: (locale: string) => SiteT, media: SiteMedia, narration: NarrationSource): Map<string, string> {
  const ctx: Context = { model, t, media, narration };
  const pages = new Map<string, string>([['index.html', rootIndex(ctx)]]);
  for (const lang of model.languages) {
    pages.set(`${lang.locale.code}/index.html`, languageIndex(ctx, lang));
    for (const proc of lang.procedures) {
      const dir = procedurePagePath(proc.id, lang.locale.code);
      pages.set(`${dir}${pageFiles.home}`, homePage(ctx, lang, proc));
      proc.topics.forEach((tp, i) => pages.set(`${dir}${pageFiles.topic(tp.topic.id)}`, topicPage(ctx, lang, proc, i)));
      pages.set(`${dir}${pageFiles.walkthrough}`, walkthroughPage(ctx, lang, proc));
      pages.set(`${dir}${pageFiles.glossary}`, glossaryPage(ctx, lang, proc));
      pages.set(`${dir}${pageFiles.quiz}`, quizPage(ctx, lang, proc));
    }
  }
  return pages;
}

