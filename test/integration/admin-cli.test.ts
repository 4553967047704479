/** The admin CLI as an admin would run it: real processes, real files, exit codes and messages. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildTempContentDb, bundledLanguages, removeTempDirs, repoRoot, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);
const content = buildTempContentDb();

function admin(args: string[], dataDir: string, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/admin.ts'), ...args, '--data', dataDir, '--content', content], { cwd: repoRoot, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run admin', () => {
  it('every command prints --help and exits 0; an unknown command exits 2', () => {
    const dir = tempDir();
    for (const cmd of ['set-pin', 'export-pack', 'import-pack', 'verify-pack', 'keygen', 'sign-pack', 'backup', 'restore', 'stats', 'export-site']) {
      const r = admin([cmd, '--help'], dir);
      expect(r.code, cmd).toBe(0);
      expect(r.out, cmd).toMatch(new RegExp(`usage: npm run admin -- ${cmd}`));
    }
    expect(admin(['frobnicate'], dir).code).toBe(2);
  });

  it('export-site writes the take-home site and refuses a bad base URL or a non-empty folder', () => {
    const data = tempDir();
    const out = join(tempDir(), 'site');
    const ok = admin(['export-site', '--out', out, '--base-url', 'https://clinic.example/take-home'], data);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(new RegExp(`Wrote the site to ${out}: \\d+ files \\(\\d+ bytes\\), languages ${bundledLanguages.join(', ')}\\.`));
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).baseUrl).toBe('https://clinic.example/take-home/');
    expect(readFileSync(join(out, 'es', 'kyphoplasty', 'index.html'), 'utf8')).toContain('<html lang="es" dir="ltr">');

    const again = admin(['export-site', '--out', out, '--base-url', 'https://clinic.example/take-home'], data);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/admin export-site: The site was not written: .* is not empty; choose a new or empty folder/);
    const other = join(tempDir(), 'site');
    const bad = admin(['export-site', '--out', other, '--base-url', 'ftp://clinic.example/'], data);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/"ftp:\/\/clinic\.example\/" is not an http:\/\/ or https:\/\/ address/);
    expect(existsSync(other)).toBe(false);
    const noBase = admin(['export-site', '--out', other], data);
    expect(noBase.code).toBe(1);
    expect(noBase.err).toMatch(/give --base-url URL/);
  });

  it('keygen, export, sign, verify and import a signed pack with a dry run first', () => {
    const a = tempDir();
    const b = tempDir();
    const files = tempDir();
    expect(admin(['keygen', '--out-dir', files], a).code).toBe(0);
    expect(admin(['export-pack', '--out', join(files, 'pack.json'), '--languages', 'es'], a).out).toMatch(/1 procedure\(s\), 2 language\(s\)/);
    const pack = JSON.parse(readFileSync(join(files, 'pack.json'), 'utf8'));
    pack.texts.find((t: { locale: string; key: string }) => t.locale === 'es' && t.key === 'topic.after.title').text = 'Después (flota)';
    writeFileSync(join(files, 'pack.json'), JSON.stringify(pack));
    expect(admin(['sign-pack', '--file', join(files, 'pack.json'), '--key', join(files, 'pack-signing.key'), '--release', '1', '--out', join(files, 'signed.json')], a).code).toBe(0);
    expect(admin(['verify-pack', '--file', join(files, 'signed.json')], b).out).toMatch(/valid: \d+ texts\. Signature: untrusted/);

    // The kiosk refuses the pack until the key is trusted (set in settings by an admin; here written directly).
    const refused = admin(['import-pack', '--file', join(files, 'signed.json')], b);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/not in this kiosk's trusted keys/);
    const trust = `
      const { openKioskCore } = await import(${JSON.stringify(join(repoRoot, 'electron/core/kiosk-core.ts'))});
      const core = openKioskCore({ bundledContentPath: ${JSON.stringify(content)}, dataDir: ${JSON.stringify(b)}, appVersion: 't' });
      core.settings.save({ ...core.settings.get(), trustedKeys: [{ id: 'fleet', publicKeyPem: ${JSON.stringify(readFileSync(join(files, 'pack-signing.pub'), 'utf8'))} }] });
      core.close();`;
    expect(spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', trust], { cwd: repoRoot, encoding: 'utf8' }).status).toBe(0);
    const dry = admin(['import-pack', '--file', join(files, 'signed.json'), '--dry-run'], b);
    expect(dry.out).toMatch(/es\s+0 added, 1 changed, 0 removed/);
    expect(dry.out).toMatch(/Dry run: nothing was changed\./);
    const done = admin(['import-pack', '--file', join(files, 'signed.json')], b);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Imported as content version \d+\./);
  });

  it('reports a broken pack with the place in the file and exits 1', () => {
    const dir = tempDir();
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, JSON.stringify({ format: 'clinic-kiosk-content-pack', formatVersion: 1, locales: [], procedures: [], texts: [{ procedure: 'x' }] }));
    const r = admin(['verify-pack', '--file', file], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/texts\[0\]\.locale: /);
    expect(admin(['import-pack', '--file', join(dir, 'missing.json')], dir).err).toMatch(/does not exist/);
  });

  it('backup and restore, and a PIN read from standard input', () => {
    const dir = tempDir();
    expect(admin(['set-pin', '--role', 'admin'], dir, '975310\n').out).toMatch(/The admin PIN is set\./);
    expect(admin(['set-pin', '--role', 'nurse'], dir, 'abc\n').err).toMatch(/a PIN is 6 to 8 digits \(0-9\); nothing was changed/);
    const backup = admin(['backup', '--out', join(dir, 'b.db')], dir);
    expect(backup.out).toMatch(/Backed up to .*b\.db/);
    expect(existsSync(join(dir, 'b.db'))).toBe(true);
    expect(admin(['restore', '--file', join(dir, 'b.db')], dir).out).toMatch(/Restored from .* kept in .*before-restore-/);
    expect(admin(['stats'], dir).out.trim()).toBe('day,metric,dimension,count');
  });
});
