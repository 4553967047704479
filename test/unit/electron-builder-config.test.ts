/**
 * electron-builder.yml (and the Playwright build's electron-builder.test.yml) checked against
 * electron-builder's own JSON schema from node_modules, and against what the kiosk needs:
 * targets, fuses, native module unpacked, resources, and nothing main imports left out.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { repoRoot } from '../fixtures/content';

const require = createRequire(import.meta.url);
const builderLib = dirname(require.resolve('app-builder-lib/package.json'));
const schema = JSON.parse(readFileSync(join(builderLib, 'scheme.json'), 'utf8')) as object;
const load = (file: string) => yaml.load(readFileSync(join(repoRoot, file), 'utf8')) as Record<string, unknown>;
const releaseConfig = load('electron-builder.yml');
const testConfig = load('electron-builder.test.yml');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };

// Stricter than electron-builder itself, which also coerces types (for its -c CLI overrides).
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const problems = (config: unknown) => (validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));

interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(k: string, v: unknown): void }): Promise<void>;
}
const builderConfig = require(join(builderLib, 'out', 'util', 'config', 'config.js')) as BuilderConfigModule;
const debugLogger = { isEnabled: false, add: () => {} };

describe('electron-builder.yml against electron-builder’s JSON schema', () => {
  it('uses the schema that ships with electron-builder', () => {
    expect((schema as { $schema: string }).$schema).toMatch(/json-schema\.org\/draft-07/);
    expect((schema as { additionalProperties: boolean }).additionalProperties).toBe(false);
  });

  it('the release config is valid', () => {
    expect(problems(releaseConfig)).toEqual([]);
  });

  it('the Playwright build config is valid', () => {
    expect(problems(testConfig)).toEqual([]);
  });

  it('the check fails on an unknown key, a misspelt fuse and a wrong type', () => {
    expect(problems({ ...releaseConfig, electronFusez: { runAsNode: false } }).join('\n')).toMatch(/additionalProperty.*electronFusez/);
    const fuses = releaseConfig.electronFuses as Record<string, boolean>;
    expect(problems({ ...releaseConfig, electronFuses: { ...fuses, runAsNodee: false } }).join('\n')).toMatch(/runAsNodee/);
    expect(problems({ ...releaseConfig, nsis: { ...(releaseConfig.nsis as object), oneClik: false } }).join('\n')).toMatch(/oneClik/);
    expect(problems({ ...releaseConfig, asar: 'yes' })).not.toEqual([]);
  });

  it('electron-builder’s own loader merges and validates both configs', async () => {
    const release = await builderConfig.getConfig(repoRoot, join(repoRoot, 'electron-builder.yml'), null);
    await expect(builderConfig.validateConfiguration(release, debugLogger)).resolves.toBeUndefined();
    const merged = await builderConfig.getConfig(repoRoot, join(repoRoot, 'electron-builder.test.yml'), null);
    await expect(builderConfig.validateConfiguration(merged, debugLogger)).resolves.toBeUndefined();
    // The test build is the release build with only nodeCliInspect on (and its own output folder).
    expect(merged.electronFuses).toEqual({ ...(release.electronFuses as object), enableNodeCliInspectArguments: true });
    expect((merged.directories as { output: string }).output).toBe('dist-e2e');
    expect(merged.asarUnpack).toEqual(release.asarUnpack);
    expect(merged.linux).toEqual(release.linux);
    await expect(builderConfig.validateConfiguration({ ...release, unknownKey: 1 }, debugLogger)).rejects.toThrow(/unknownKey/);
  });
});

describe('what the kiosk needs from packaging', () => {
  it('identity and targets: AppImage + deb, NSIS, dmg', () => {
    expect(releaseConfig).toMatchObject({ appId: 'org.clinickiosk.app', productName: 'Clinic Kiosk' });
    expect((releaseConfig.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((releaseConfig.win as { target: string[] }).target).toEqual(['nsis']);
    expect((releaseConfig.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('release fuses: no run-as-node, NODE_OPTIONS or --inspect; app only from an integrity-checked asar; no file:// privileges', () => {
    expect(releaseConfig.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(testConfig.extends).toBe('electron-builder.yml');
    expect(testConfig.electronFuses).toEqual({ enableNodeCliInspectArguments: true });
  });

  it('better-sqlite3 unpacked from the asar, no rebuild at package time, install-app-deps after install', () => {
    expect(releaseConfig.asar).toBe(true);
    expect(releaseConfig.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(releaseConfig.npmRebuild).toBe(false);
    expect(pkg.scripts.postinstall).toContain('electron-builder install-app-deps');
    expect(pkg.dependencies).toHaveProperty('better-sqlite3');
  });

  it('content.db and the locale files as resources; the built app (renderer and fonts) in the asar', () => {
    expect(releaseConfig.extraResources).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: 'resources/content.db', to: 'content.db' }),
      expect.objectContaining({ from: 'resources/locales', to: 'locales' }),
    ]));
    expect(releaseConfig.files).toContain('out/**');
    if (existsSync(join(repoRoot, 'out', 'renderer', 'assets'))) {
      expect(readdirSync(join(repoRoot, 'out', 'renderer', 'assets')).some((f) => f.endsWith('.woff2'))).toBe(true);
    }
    const icons = ['icon.png', 'icon.ico', 'icon.icns'].filter((f) => existsSync(join(repoRoot, 'resources', 'build', f)));
    console.log(`electron-builder icons: ${icons.length ? icons.join(', ') : 'none in resources/build yet, Electron’s default icon is used'}`);
  });

  it('every package out/main imports at run time is a dependency that packaging keeps', (ctx) => {
    const mainDir = join(repoRoot, 'out', 'main');
    if (!existsSync(mainDir)) ctx.skip('out/main is not built (npm run build)');
    const excluded = (releaseConfig.files as string[]).flatMap((f) => /^!node_modules\/(.+)\/\*\*$/.exec(f)?.[1] ?? []);
    const imported = new Set<string>();
    for (const file of readdirSync(mainDir).filter((f) => /\.(c|m)?js$/.test(f))) {
      const code = readFileSync(join(mainDir, file), 'utf8');
      for (const m of code.matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g)) imported.add(m[1] as string);
    }
    const packages = [...imported]
      .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && s !== 'electron')
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string)));
    expect(packages.length).toBeGreaterThan(0);
    for (const p of new Set(packages)) {
      expect(pkg.dependencies, `${p} is imported by out/main`).toHaveProperty([p]);
      expect(excluded, `${p} is imported by out/main but excluded from the package`).not.toContain(p);
    }
  });
});
