/**
 * Electron smoke test: launches the real app. Runs where the Electron binary is installed;
 * on machines that install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 it skips, saying why.
 */
import { _electron as electron } from '@playwright/test';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, repoRoot } from './kiosk-fixture';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = existsSync(join(repoRoot, 'out', 'main', 'index.js'));
const reason = !binary
  ? 'the Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run `npm install` on a machine that can download Electron'
  : 'the app is not built (run `npm run build`)';
if (!binary || !built) console.log(`electron-smoke: skipped: ${reason}`);

test('Electron: the kiosk window shows the topics and switches to Spanish', async () => {
  test.skip(!binary || !built, reason);
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
  const app = await electron.launch({ args: [repoRoot, '--data', dataDir], cwd: repoRoot });
  try {
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Balloon kyphoplasty');
    await expect(page.locator('[data-topic]')).toHaveCount(10);
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cifoplastia con balón');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
