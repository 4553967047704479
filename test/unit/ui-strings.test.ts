/** Every language's UI strings (patient, staff and admin screens) are complete: English's keys and variables. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../fixtures/content';

type Tree = { [key: string]: string | Tree };
const dir = join(repoRoot, 'resources', 'locales');
const read = (code: string) => JSON.parse(readFileSync(join(dir, code, 'ui.json'), 'utf8')) as Tree;
const flat = (o: Tree, p = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[p + k, v] as [string, string]] : flat(v, `${p}${k}.`)));
/** i18next plural keys share a base: `count_one`, `count_other`. */
const baseKey = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const variables = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort().join(',');
const english = new Map(flat(read('en')).map(([k, v]) => [baseKey(k), v]));
const languages = readdirSync(dir).filter((code) => code !== 'en');

describe('UI strings', () => {
  it('exist for all fifteen languages', () => {
    expect(languages.length).toBe(14);
  });

  for (const code of languages) {
    it(`${code}: every English string is translated, with the same variables, and no string is left over`, () => {
      const strings = flat(read(code));
      const keys = new Set(strings.map(([k]) => baseKey(k)));
      expect([...english.keys()].filter((k) => !keys.has(k)), `${code}: missing`).toEqual([]);
      expect([...keys].filter((k) => !english.has(k)), `${code}: not in English`).toEqual([]);
      const wrongVariables = strings.filter(([k, v]) => variables(v) !== variables(english.get(baseKey(k)) ?? '')).map(([k]) => k);
      expect(wrongVariables, `${code}: variables differ from English`).toEqual([]);
    });
  }
});
