/**
 * Admin journeys in web mode, each on a fresh kiosk: edit and preview a text, review and the
 * translation matrix, pack export and import with its summary, rollback, settings, pictures,
 * and axe plus touch-target and layout checks on every admin tab.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './kiosk-fixture';
import { axeViolations, smallTargets } from './a11y-checks';
import { contentTexts, startIn, uiText } from './kiosk-pages';
import { adminText, openAdmin, openTab, openText, type AdminTab } from './admin-pages';

test.describe.configure({ mode: 'parallel' });

const allTabs: AdminTab[] = ['content', 'matrix', 'illustrations', 'packs', 'versions', 'settings', 'audit', 'usage', 'backup'];

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-admin-')), name);
  writeFileSync(file, content);
  return file;
}

/** axe, 48 px targets and no sideways scroll at 1366 x 768. */
async function checkAt1366(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await smallTargets(page), `${name}: targets under 48 px`).toEqual([]);
  await noSidewaysScroll(page);
}

test('axe finds no violations on the content tabs (1366 x 768), the text editor open; targets are 48 px', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAdmin(page, kiosk);
  // The texts list: one area of identical rows is enough for axe (the whole list takes it long).
  await page.getByLabel(adminText('content.filter')).fill('topic.what-it-is.');
  await expect(page.locator('li.text-row')).toHaveCount(10);
  await checkAt1366(page, 'content');
  await openText(page, 'es', 'topic.what-it-is.what.body');
  await checkAt1366(page, 'text editor');
  await openTab(page, 'matrix');
  await checkAt1366(page, 'matrix');
  await page.getByText(adminText('matrix.everyText')).click();
  await page.getByLabel(adminText('matrix.filter')).fill('procedure.');
  await expect(page.locator('.matrix-table tbody tr')).toHaveCount(Object.keys(contentTexts('en')).filter((k) => k.includes('procedure.')).length);
  await checkAt1366(page, 'every text matrix');
  for (const tab of ['illustrations', 'packs'] as const) {
    await openTab(page, tab);
    await checkAt1366(page, tab);
  }
});

test('axe finds no violations on the other tabs (1366 x 768) and the restore dialog; CSV export and backup work', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAdmin(page, kiosk);
  for (const tab of ['versions', 'settings', 'audit', 'usage', 'backup'] as const) {
    await openTab(page, tab);
    await checkAt1366(page, tab);
  }

  await openTab(page, 'audit');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: adminText('exportCsv') }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^kiosk-audit-.*\.csv$/);

  await openTab(page, 'backup');
  await page.getByRole('button', { name: adminText('backup.now') }).click();
  await expect(page.locator('.backup-tab .admin-done')).toContainText('kiosk-backup-');
  await page.locator('.backup-tab tbody tr').first().getByRole('button', { name: adminText('backup.restore') }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await checkAt1366(page, 'restore dialog');
  await page.getByRole('dialog').getByRole('button', { name: adminText('backup.confirm'), exact: true }).click();
  await expect(page.locator('.backup-tab .admin-done')).toContainText('before-restore-');
});

const editor = (page: Page) => page.locator('.text-editor');

test('edit an English topic title: live preview and reading grade, then the new title on the patient home tile', async ({ page, kiosk }) => {
  await openAdmin(page, kiosk);
  const key = 'topic.what-it-is.title';
  const row = await openText(page, 'en', key);
  const box = editor(page).getByLabel('Text in English');
  await expect(box).toHaveValue(contentTexts('en')[key]!);

  // Long words push the reading grade above 6: a warning names the target.
  await box.fill('Percutaneous vertebral augmentation: comprehensive considerations regarding osteoporotic compression fractures and their multidisciplinary management.');
  await expect(editor(page).locator('.reading-level.too-hard')).toContainText(adminText('editor.target'));

  const title = 'What is kyphoplasty? A short guide';
  await box.fill(title);
  await expect(editor(page).locator('.reading-level')).not.toHaveClass(/too-hard/);
  await expect(editor(page).locator('.preview-frame .tile-title')).toHaveText(title);
  await editor(page).getByRole('button', { name: adminText('editor.save'), exact: true }).click();
  await expect(editor(page).locator('.admin-done')).toContainText(adminText('editor.saved'));
  await expect(row.locator('.tr-changed')).toHaveText(adminText('content.changedByClinic'));
  await expect(row.locator('.tr-status')).toContainText(adminText('status.draft'));

  // The API's own checks show next to the editor: a discharge text must keep the English variables.
  const lifting = await openText(page, 'en', 'discharge.activity.lifting');
  await lifting.getByLabel('Text in English').fill('Do not lift anything heavy until your doctor says it is OK.');
  await editor(page).getByRole('button', { name: adminText('editor.save'), exact: true }).click();
  await expect(editor(page).locator('.admin-error')).toContainText('variables of the English text: [liftLimit]');
  await expect(editor(page).getByLabel('Text in English')).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: adminText('backToMenu') }).click();
  await page.getByRole('button', { name: uiText('en', 'staff.signOut') }).click();
  await startIn(page, kiosk.url, 'en');
  await expect(page.locator('[data-topic="what-it-is"] .tile-title')).toHaveText(title);
});

test('review: a Spanish text marked approved with a reviewer name changes the matrix totals', async ({ page, kiosk }) => {
  await openAdmin(page, kiosk);
  await openTab(page, 'matrix');
  const es = page.locator('.totals-table tr[data-locale="es"]');
  await expect(es.locator('[data-state="approved"]')).toHaveText('0');
  const draftBefore = Number(await es.locator('[data-state="draft"]').textContent());
  await expect(page.locator('.legend')).toContainText(adminText('matrix.means.missing'));

  await openTab(page, 'content');
  const row = await openText(page, 'es', 'topic.after.title');
  // No name, no approval: the kiosk's message shows by the editor.
  await editor(page).getByRole('button', { name: adminText('status.approved'), exact: true }).click();
  await expect(editor(page).locator('.admin-error')).toContainText('name');
  await editor(page).getByLabel(adminText('editor.reviewer')).fill('Dr. Ana Ruiz');
  await editor(page).getByRole('button', { name: adminText('status.approved'), exact: true }).click();
  await expect(editor(page).getByRole('button', { name: adminText('status.approved'), exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(row.locator('.tr-status')).toContainText(adminText('status.approved'));
  await expect(row.locator('.tr-meta')).toContainText('Reviewed by Dr. Ana Ruiz');

  await openTab(page, 'matrix');
  await expect(es.locator('[data-state="approved"]')).toHaveText('1');
  await expect(es.locator('[data-state="draft"]')).toHaveText(String(draftBefore - 1));
  await expect(page.locator('.totals-table tr[data-locale="en"] [data-state="approved"]')).toHaveText('0');
  await page.getByText(adminText('matrix.everyText')).click();
  await page.getByLabel(adminText('matrix.filter')).fill('topic.after.title');
  await expect(page.locator('.matrix-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.matrix-table tbody tr td').nth(1)).toContainText(adminText('status.approved'));
});

test('portrait 1080 x 1920: every tab fits without sideways scrolling; targets are 48 px', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openAdmin(page, kiosk);
  for (const tab of allTabs) {
    await openTab(page, tab);
    await noSidewaysScroll(page);
    expect(await smallTargets(page), `${tab}: targets under 48 px`).toEqual([]);
  }
  await openTab(page, 'content');
  await openText(page, 'ar', 'topic.what-it-is.what.body');
  await expect(page.locator('.preview-frame')).toHaveAttribute('dir', 'rtl');
  await noSidewaysScroll(page);

  // Pictures: an SVG with a script is refused with the reason; a clean SVG replaces the picture.
  await openTab(page, 'illustrations');
  const card = page.locator('[data-illustration="step-needle"]');
  const before = await card.locator('img').getAttribute('src');
  await card.getByLabel(adminText('pictures.replace')).setInputFiles(tempFile('bad.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>'));
  await expect(card.locator('.admin-error')).toContainText('<script>');
  await expect(card.locator('img')).toHaveAttribute('src', before!);
  await card.getByLabel(adminText('pictures.replace')).setInputFiles(tempFile('clean.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1f5f8b"/></svg>'));
  await expect(card.locator('.admin-done')).toContainText('clean.svg');
  await expect(card.locator('img')).not.toHaveAttribute('src', before!);
});

test('packs: export, then import with a summary (unsigned only when allowed); a malformed file changes nothing', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await openAdmin(page, kiosk);
  await openTab(page, 'packs');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: adminText('packs.export') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kiosk-content-all-\d{4}-\d{2}-\d{2}\.kpack$/);
  const pack = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { texts: { locale: string; key: string; text: unknown }[] };

  const key = 'topic.what-it-is.title';
  const changed = '¿Qué es la cifoplastia? Una explicación corta';
  const edited = structuredClone(pack);
  edited.texts.find((t) => t.locale === 'es' && t.key === key)!.text = changed;
  const good = tempFile('clinic-pack.json', JSON.stringify(edited));

  // Malformed files: a clear message naming the place, no summary, nothing changed.
  await page.getByLabel(adminText('packs.chooseFile')).setInputFiles(tempFile('broken.json', '{ "format": "kiosk-content-pack", '));
  await expect(page.locator('.packs-tab .admin-error')).toContainText('not valid JSON');
  await expect(page.locator('.packs-tab .admin-error')).toContainText('Nothing was changed');
  const wrong = structuredClone(pack);
  wrong.texts[3]!.text = 42;
  await page.getByLabel(adminText('packs.chooseFile')).setInputFiles(tempFile('wrong.json', JSON.stringify(wrong)));
  await expect(page.locator('.packs-tab .admin-error')).toContainText('texts[3]');
  await expect(page.locator('.import-summary')).toHaveCount(0);

  // The default refuses unsigned packs, and says which setting allows them.
  await page.getByLabel(adminText('packs.chooseFile')).setInputFiles(good);
  await expect(page.locator('.packs-tab .admin-error')).toContainText('accept unsigned packs');
  await openTab(page, 'versions');
  await expect(page.locator('.versions-tab .admin-empty')).toHaveText(adminText('versions.none'));

  await openTab(page, 'settings');
  await page.getByLabel(adminText('settings.allowUnsigned')).check();
  await page.getByRole('button', { name: adminText('settings.save') }).click();
  await expect(page.locator('.settings-save .admin-done')).toContainText(adminText('settings.saved'));

  await openTab(page, 'packs');
  await page.getByLabel(adminText('packs.chooseFile')).setInputFiles(good);
  const summary = page.locator('.import-summary');
  await expect(summary.locator('li[data-locale="es"]')).toContainText('es: 0 added, 1 changed, 0 removed');
  await expect(summary.locator('li[data-locale="en"]')).toContainText('en: 0 added, 0 changed, 0 removed');
  await expect(summary.locator('[data-signature]')).toHaveAttribute('data-signature', 'unsigned');
  await summary.getByRole('button', { name: adminText('packs.cancel') }).click();
  await expect(page.locator('.packs-tab .admin-done')).toHaveText(adminText('packs.cancelled'));

  await page.getByLabel(adminText('packs.chooseFile')).setInputFiles(good);
  await summary.getByRole('button', { name: adminText('packs.import'), exact: true }).click();
  await expect(page.locator('.packs-tab .admin-done')).toContainText('Imported.');

  await openTab(page, 'content');
  const row = await openText(page, 'es', key);
  await expect(row.locator('.tr-snippet[lang="es"]')).toHaveText(changed);
});

test('rollback: after an edit, rolling back to the version before it brings the original text back', async ({ page, kiosk }) => {
  await openAdmin(page, kiosk);
  const key = 'procedure.tagline';
  const original = contentTexts('en')[key]!;
  // A first change (a review) keeps a version with the original English tagline.
  await openText(page, 'es', key);
  await editor(page).getByLabel(adminText('editor.reviewer')).fill('Sam Lee');
  await editor(page).getByRole('button', { name: adminText('status.reviewed'), exact: true }).click();
  await expect(editor(page).locator('.admin-done')).toBeVisible();
  const row = await openText(page, 'en', key);
  await editor(page).getByLabel('Text in English').fill('A quick fix for a broken back bone.');
  await editor(page).getByRole('button', { name: adminText('editor.save'), exact: true }).click();
  await expect(row.locator('.tr-snippet')).toHaveText('A quick fix for a broken back bone.');

  await openTab(page, 'versions');
  const versions = page.locator('.versions-tab tbody tr');
  // Newest first: the edit, the review, and the restore point kept before the first change.
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(2)).toContainText('Before review');
  // No word in the table is broken across lines (a column squeezed to "Impor/t").
  const brokenWords = await page.locator('.versions-tab table').evaluate((table) => {
    const broken: string[] = [];
    for (const cell of table.querySelectorAll('td, th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
        for (const m of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index ?? 0);
          range.setEnd(node, (m.index ?? 0) + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
    }
    return broken;
  });
  expect(brokenWords, 'words broken across lines in the versions table').toEqual([]);
  const before = versions.nth(1);
  await expect(before).toContainText('Marked es procedure.tagline reviewed');
  await before.getByRole('button', { name: adminText('versions.rollback') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(adminText('versions.confirmTitle').replace('{{version}}', (await before.getAttribute('data-version'))!));
  await dialog.getByRole('button', { name: adminText('versions.confirm'), exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.versions-tab .admin-done')).toContainText('Rolled back');
  await expect(versions).toHaveCount(4);

  await openTab(page, 'content');
  const reverted = await openText(page, 'en', key);
  await expect(reverted.locator('.tr-snippet')).toHaveText(original);
});

test('settings: clinic name and idle timeout saved and used; an invalid timeout is marked at its field', async ({ page, kiosk }) => {
  await openAdmin(page, kiosk);
  await openTab(page, 'settings');
  const idle = page.getByLabel(adminText('settings.idle'));
  await page.getByLabel(adminText('settings.clinicName')).fill('Riverside Spine Clinic');
  await idle.fill('5');
  await page.getByRole('button', { name: adminText('settings.save') }).click();
  await expect(page.locator('#s-idleTimeoutSeconds-error')).toHaveText('Enter 10 or more.');
  await expect(idle).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.settings-save .admin-error')).toContainText(adminText('settings.fix'));

  await idle.fill('120');
  await page.getByRole('button', { name: adminText('settings.save') }).click();
  await expect(page.locator('.settings-save .admin-done')).toContainText(adminText('settings.saved'));
  await expect(page.locator('#s-idleTimeoutSeconds-error')).toHaveCount(0);
  // In a browser no printer can be listed; the form says so.
  await page.getByRole('button', { name: adminText('settings.findPrinters') }).click();
  await expect(page.locator('.printer-finder')).toContainText(adminText('settings.noPrinters'));

  await page.getByRole('button', { name: adminText('signOut') }).click();
  await expect(page.locator('.attract .clinic-name')).toHaveText('Riverside Spine Clinic');
  const info = await page.evaluate(async () => (await (await fetch('/api/getAppInfo', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).json()) as { value: { idleTimeoutSeconds: number } });
  expect(info.value.idleTimeoutSeconds).toBe(120);
});
