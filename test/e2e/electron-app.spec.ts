/**
 * The real Electron app through Playwright's _electron: launch (hardening as seen from inside),
 * topics, walkthrough, staff sign-in, and a discharge sheet saved as PDF from the hidden print
 * window (with its own preload, window.printJob). Runs where the Electron binary is installed,
 * against the unpackaged build (out/) or, with KIOSK_E2E_EXECUTABLE, a packaged build from
 * electron-builder.test.yml (whose fuses keep --inspect, which _electron.launch needs). On machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 every test skips and the reason is printed.
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base, expect, repoRoot } from './kiosk-fixture';
import { chooseLanguage, contentTexts, nativeNames, uiText } from './kiosk-pages';
import { fillDischargeForm, openStaffSignIn, sampleForm, setPin, signIn, type FormValues } from './staff-pages';
import { filesContaining } from '../fixtures/data-folder';
import { pdfInfo, pdfText } from '../fixtures/pdf';
import { callNames } from '../../electron/shared/contract';
import { contentSecurityPolicy } from '../../electron/shared/csp';
import { skipBecause } from './skip-because';

/**
 * The installed Electron binary, or null. Read from the electron package's path.txt, never by
 * require('electron'): the electron package (45) downloads the binary on that require when it is missing,
 * which must not happen on a machine installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8').trim());
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const packaged = process.env.KIOSK_E2E_EXECUTABLE;
const binary = packaged ?? electronBinary();
const built = Boolean(packaged) || existsSync(join(repoRoot, 'out', 'main', 'index.js'));
/** Why these tests cannot run here, or null when they can. */
const cannotRun = !binary
  ? 'the Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run `npm install` on a machine that can download Electron, or set KIOSK_E2E_EXECUTABLE to a build from electron-builder.test.yml'
  : !built
    ? 'the app is not built (run `npm run build`)'
    : null;

interface Kiosk {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
}

const test = base.extend<{ electronKiosk: Kiosk; nursePin: string | null }>({
  nursePin: [null, { option: true }],
  electronKiosk: async ({ nursePin }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
    // Set with the real admin CLI before the app opens the data folder.
    if (nursePin) setPin(dataDir, 'nurse', nursePin);
    const env = { ...process.env };
    delete env.KIOSK_DATA_DIR;
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await electron.launch({
      ...(packaged ? { executablePath: packaged, args: ['--data', dataDir] } : { args: [repoRoot, '--data', dataDir] }),
      cwd: repoRoot,
      env: env as Record<string, string>,
      timeout: 30_000,
    });
    const page = await app.firstWindow();
    page.on('pageerror', (e) => console.log(`renderer error: ${e.message}`));
    try {
      await use({ app, page, dataDir });
    } finally {
      await app.evaluate(({ app: a }) => a.exit(0)).catch(() => undefined);
      await app.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

test.beforeEach(() => {
  skipBecause(cannotRun);
});

test('launch: app://kiosk/ in a sandboxed, isolated window with the CSP, no menu and no way out', async ({ electronKiosk: { app, page, dataDir } }) => {
  await expect(page).toHaveURL('app://kiosk/');
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  const bridge = await page.evaluate(() => Object.keys((window as unknown as { kiosk: object }).kiosk).sort());
  expect(bridge).toEqual([...callNames].sort());
  // The print windows' bridge (window.printJob) is theirs alone; the kiosk window carries no print job calls.
  expect(bridge.filter((name) => /printjob/i.test(name))).toEqual([]);
  expect(await page.evaluate(() => 'printJob' in window)).toBe(false);
  const csp = await page.evaluate(async () => (await fetch('app://kiosk/')).headers.get('content-security-policy'));
  expect(csp).toBe(contentSecurityPolicy);
  expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu())).toBeNull();
  // Context isolation: the page's globals are not the preload's (no ipcRenderer, no electron).
  expect(await page.evaluate(() => ['ipcRenderer', 'electron', 'module'].filter((k) => k in window))).toEqual([]);
  // Navigation away and new windows are refused (main logs each refusal: wait for both); the network is blocked.
  await page.evaluate(() => {
    window.open('https://example.com/');
    location.href = 'https://example.com/';
  });
  const mainLog = () => (existsSync(join(dataDir, 'logs', 'main.log')) ? readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8') : '');
  await expect.poll(mainLog).toContain('new window blocked to="https://example.com"');
  await expect.poll(mainLog).toContain('navigation blocked to="https://example.com"');
  await expect(page).toHaveURL('app://kiosk/');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'blocked'))).toBe('blocked');
  // A file outside the renderer is not served.
  expect(await page.evaluate(() => fetch('app://kiosk/..%2F..%2Fpackage.json').then((r) => r.status))).toBe(404);
});

test('topics: the kiosk shows the topics and switches to Spanish', async ({ electronKiosk: { page } }) => {
  await chooseLanguage(page, 'en');
  await expect(page.locator('[data-topic]')).toHaveCount(10);
  await page.getByRole('button', { name: uiText('en', 'toolbar.language') }).click();
  await page.getByRole('button', { name: nativeNames.es, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(contentTexts('es')['procedure.name']!);
});

test('walkthrough: four illustrated steps, forwards to the end', async ({ electronKiosk: { page } }) => {
  await chooseLanguage(page, 'en');
  const c = contentTexts('en');
  await page.locator('[data-feature="walkthrough"]').click();
  for (const id of ['needle', 'balloon-in', 'balloon-inflate', 'cement']) {
    await expect(page.locator(`[data-step="${id}"] h2`)).toHaveText(c[`step.${id}.title`]!);
    await expect(page.locator(`[data-step="${id}"] img`)).toBeVisible();
    await page.getByRole('button', { name: uiText('en', 'walkthrough.next') }).click();
  }
  await expect(page.getByRole('heading', { level: 2, name: uiText('en', 'walkthrough.done') })).toBeVisible();
});

const form: FormValues = { ...sampleForm, locale: 'es', braceWeeks: undefined, bloodThinnerDate: undefined };

test.describe('staff', () => {
  test.use({ nursePin: '246810' });

  test('sign in: a nurse PIN opens the staff menu', async ({ electronKiosk: { page } }) => {
    await openStaffSignIn(page);
    await signIn(page, '246810');
    await expect(page.getByRole('button', { name: uiText('en', 'staff.discharge') })).toBeVisible();
  });

  test('print to PDF: the hidden print window renders the sheet, the nurse saves it, nothing else is stored', async ({ electronKiosk: { app, page, dataDir } }) => {
    test.setTimeout(120_000);
    const pdfDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-pdf-'));
    const pdfPath = join(pdfDir, 'sheet.pdf');
    // The save dialog is the OS's; answer it from the main process.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, pdfPath);
    // What the hidden print window's page can reach, seen by main as soon as its DOM is ready
    // (the sheet is laid out, its fonts loaded and the PDF made only after that).
    await app.evaluate(({ app: a }) => {
      a.on('browser-window-created', (_event, win) => {
        win.webContents.once('dom-ready', () => {
          void win.webContents
            .executeJavaScript('[typeof window.kiosk, Object.keys(window.printJob || {}).sort().join()].join(" ")')
            .then((seen: string) => ((globalThis as { printWindowSees?: string }).printWindowSees = seen));
        });
      });
    });
    await openStaffSignIn(page);
    await signIn(page, '246810');
    await page.getByRole('button', { name: uiText('en', 'staff.discharge') }).click();
    await fillDischargeForm(page, form);
    await page.getByRole('button', { name: uiText('en', 'form.preview') }).click();
    await page.getByRole('button', { name: uiText('en', 'form.savePdf') }).click();
    await expect(page.getByText(pdfPath)).toBeVisible({ timeout: 60_000 });
    // The print window had its own preload (window.printJob), and it is gone.
    expect(await app.evaluate(() => (globalThis as { printWindowSees?: string }).printWindowSees)).toBe('undefined get,ready');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(pdfInfo(pdfPath)).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const text = pdfText(pdfPath).replace(/\s+/g, ' ');
    expect(text).toContain(form.patientName);
    expect(text).toContain(form.followUp.place);
    // Nothing typed is anywhere in the data folder (Chromium's profile and the logs included).
    const hits = [form.patientName, form.nurseNotes, form.painNotes, form.followUp.place].flatMap((typed) => filesContaining(dataDir, typed).map((path) => `${path}: ${typed}`));
    expect(hits).toEqual([]);
    rmSync(pdfDir, { recursive: true, force: true });
  });
});
