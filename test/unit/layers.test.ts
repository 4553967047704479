/** DESIGN.md section 2: who may import whom. Fails when a file imports across layers. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { repoRoot } from '../fixtures/content';

type Layer = 'shared' | 'core' | 'db' | 'main' | 'preload' | 'web' | 'cli' | 'renderer';
const layerDirs: Record<Layer, string> = {
  shared: 'electron/shared',
  core: 'electron/core',
  db: 'db',
  main: 'electron/main',
  preload: 'electron/preload',
  web: 'electron/web',
  cli: 'electron/cli',
  renderer: 'renderer',
};

/** Which project layers each layer may import. */
const mayImport: Record<Layer, Layer[]> = {
  shared: ['shared'],
  db: ['db', 'shared'],
  core: ['core', 'shared', 'db'],
  main: ['main', 'core', 'shared', 'db'],
  preload: ['preload', 'shared'],
  web: ['web', 'core', 'shared', 'db'],
  cli: ['cli', 'core', 'shared', 'db'],
  renderer: ['renderer', 'shared'],
};

/** Packages (or node: builtins) a layer must never import. */
const forbiddenPackages: Record<Layer, RegExp> = {
  shared: /^(node:|electron$|react|react-dom|better-sqlite3|i18next)/,
  db: /^(electron$|react)/,
  core: /^(electron$|react)/,
  main: /^(react)/,
  preload: /^(node:|better-sqlite3|react)/,
  web: /^(electron$|react)/,
  cli: /^(electron$|react)/,
  renderer: /^(node:|electron$|better-sqlite3|fast-xml-parser)/,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function layerOf(path: string): Layer | null {
  const rel = relative(repoRoot, path).split('\\').join('/');
  for (const [layer, dir] of Object.entries(layerDirs) as [Layer, string][]) if (rel === dir || rel.startsWith(`${dir}/`)) return layer;
  return null;
}

function violations(): string[] {
  const out: string[] = [];
  for (const [layer, dir] of Object.entries(layerDirs) as [Layer, string][]) {
    for (const file of files(join(repoRoot, dir))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
        const spec = (m[1] ?? m[2] ?? m[3]) as string;
        const where = `${relative(repoRoot, file)} imports "${spec}"`;
        if (spec.startsWith('.')) {
          const target = layerOf(resolve(dirname(file), spec));
          const targetRel = relative(repoRoot, resolve(dirname(file), spec));
          if (target && !mayImport[layer].includes(target)) out.push(`${where}: ${layer} may not import ${target}`);
          if (!target && layer !== 'renderer') out.push(`${where}: outside the code layers`);
          if (!target && layer === 'renderer' && !targetRel.startsWith('resources')) out.push(`${where}: renderer may import only renderer/, electron/shared and resources/`);
        } else if (forbiddenPackages[layer].test(spec)) {
          out.push(`${where}: ${layer} may not use this package`);
        }
      }
    }
  }
  return out;
}

describe('layer boundaries', () => {
  it('no file imports across layers in a way DESIGN.md forbids', () => {
    expect(violations()).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const rule = forbiddenPackages.shared;
    expect(rule.test('node:fs')).toBe(true);
    expect(rule.test('electron')).toBe(true);
    expect(mayImport.renderer.includes('core')).toBe(false);
    expect(layerOf(join(repoRoot, 'electron/core/dispatch.ts'))).toBe('core');
  });
});
