/**
 * Playwright fixture: a real web-mode server (`electron/web/serve-cli.ts`, what `npm run serve`
 * runs) with a fresh temp data folder for every test, on a free loopback port.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface KioskServer {
  url: string;
  dataDir: string;
  output: () => string;
}

export async function startKiosk(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<{ server: KioskServer; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/web/serve-cli.ts'), '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Kiosk ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`kiosk exited with ${code}:\n${output}`)));
  });
  return {
    server: { url, dataDir, output: () => output },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ kiosk: KioskServer }>({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  kiosk: async ({}, use) => {
    const { server, stop } = await startKiosk();
    await use(server);
    await stop();
  },
});

export { expect };
