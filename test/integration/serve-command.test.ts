/**
 * `npm run serve` as a newcomer runs it: one process that checks the build (rebuilding only
 * what is older than its sources), then starts the built web mode and says where it is.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { removeTempDirs, repoRoot, tempDir } from '../fixtures/content';

afterAll(() => removeTempDirs());

describe('npm run serve', () => {
  it('checks the build, starts web mode and serves the kiosk page', async () => {
    const child = spawn('npm', ['run', '--silent', 'serve', '--', '--port', '0', '--data', tempDir('kiosk-serve-cmd-')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const m = /Kiosk ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (m) resolve(m[1]!);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
      });
      expect(output).toMatch(/build-if-stale: content database: (up to date|building)/);
      expect(output).toMatch(/build-if-stale: app bundles: (up to date|building)/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    }
  }, 180_000);
});
