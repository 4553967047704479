/** Take-home addresses: only the base URL, the procedure and the language; http(s) bases only. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { procedurePageUrl, siteBaseUrlProblem, siteBaseUrlSetting } from '../../electron/shared/site-url';
import { settingsSchema, defaultSettings } from '../../electron/shared/settings-schema';
import { markdownToHtml } from '../../electron/core/site-export/markdown-html';
import { siteFontWeights } from '../../electron/core/site-export/site-fonts';
import { fontPackages } from '../../electron/shared/fonts';
import { repoRoot } from '../fixtures/content';

describe('take-home addresses', () => {
  it('joins the base, the language and the procedure, with one slash between each', () => {
    expect(procedurePageUrl('https://clinic.example/take-home', 'kyphoplasty', 'es')).toBe('https://clinic.example/take-home/es/kyphoplasty/');
    expect(procedurePageUrl('https://clinic.example/take-home/', 'kyphoplasty', 'zh-Hans')).toBe('https://clinic.example/take-home/zh-Hans/kyphoplasty/');
    expect(procedurePageUrl('http://intranet.local:8080', 'kyphoplasty', 'ar')).toBe('http://intranet.local:8080/ar/kyphoplasty/');
  });

  it('gives no address when no base URL is set, or when it is not http(s)', () => {
    expect(procedurePageUrl('', 'kyphoplasty', 'en')).toBeNull();
    expect(procedurePageUrl('ftp://clinic.example/', 'kyphoplasty', 'en')).toBeNull();
  });

  it('refuses a procedure or language that is not an id, so nothing else can be carried in the address', () => {
    expect(() => procedurePageUrl('https://clinic.example/', 'kyphoplasty?name=Ana', 'en')).toThrow();
    expect(() => procedurePageUrl('https://clinic.example/', 'kyphoplasty', 'en/../../x')).toThrow();
  });

  it('accepts only empty or http(s) base URLs in Settings, with a message saying what to type', () => {
    for (const ok of ['', 'https://clinic.example/take-home/', 'http://10.0.0.5/kiosk']) expect(siteBaseUrlSetting.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['clinic.example', 'ftp://clinic.example/', 'javascript:alert(1)', 'file:///srv/site', 'https://', 'https://clinic.example/?patient=1', 'https://clinic.example/#x', 'https://user:pw@clinic.example/']) {
      const r = siteBaseUrlSetting.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message, bad).toMatch(/http:\/\/ or https:\/\//);
    }
    expect(settingsSchema.safeParse({ ...defaultSettings, siteBaseUrl: 'ftp://x' }).success).toBe(false);
    expect(siteBaseUrlProblem('')).toMatch(/give the address/);
    expect(siteBaseUrlProblem('mailto:x@y')).toMatch(/not an http:\/\/ or https:\/\/ address/);
  });
});

describe('content Markdown on the take-home site', () => {
  const links = { terms: new Set(['vertebra']), glossaryPage: 'glossary.html', tableLabel: 'Patient information' };

  it('keeps paragraphs, lists and tables, and makes glossary links point at the word list', () => {
    const html = markdownToHtml('A [bone](glossary:vertebra) and a [ghost](glossary:nope).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |', links);
    expect(html).toContain('<a class="term" href="glossary.html#term-vertebra">bone</a>');
    expect(html).toContain('<span>ghost</span>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(html).toContain('<div class="table-wrap" role="region" aria-label="Patient information" tabindex="0"><table>');
  });

  it('drops raw HTML, images and every other link, as the kiosk does', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\nHi <b onclick="x()">there</b> ![x](https://evil.example/x.png) [web](https://evil.example) [js](javascript:alert(1)) & <', links);
    expect(html).not.toMatch(/<script|<b|onclick|<img|evil\.example|javascript:/);
    expect(html).toContain('<span>web</span>');
    expect(html).toContain('&amp; &lt;');
  });
});

describe('the site ships the kiosk’s fonts', () => {
  it('uses the same @fontsource packages and weights as the renderer', () => {
    const imports = [...readFileSync(join(repoRoot, 'renderer/src/styles/fonts.ts'), 'utf8').matchAll(/import(?:\(| )'(@fontsource\/[^/]+)\/(\d+)\.css'/g)];
    expect([...new Set(imports.map((m) => m[1]))].sort()).toEqual([...fontPackages].sort());
    expect([...new Set(imports.map((m) => Number(m[2])))].sort()).toEqual([...siteFontWeights].sort());
  });
});
