/** The accessibility checks every screen test runs: axe-core (WCAG 2.2 AA) and 48 px touch targets. */
import axe from 'axe-core';
import type { Frame, Page } from '@playwright/test';

/**
 * axe with the WCAG A/AA tags, plus `label-content-name-mismatch` (WCAG 2.5.3 Label in Name),
 * which axe marks experimental and leaves off by default: speech-control users say what they see.
 */
const axeOptions: axe.RunOptions = {
  rules: { 'label-content-name-mismatch': { enabled: true } },
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
};

/**
 * Puts axe-core into a frame once per document: a screen change in the kiosk keeps the
 * document, so later checks reuse it. (AxeBuilder re-sends and re-parses the 500 kB source on
 * every analyze and finishes each run in a new blank page; axe.run in the page gives the same
 * results for same-origin frames, the only kind the kiosk and the take-home site have.)
 */
async function injectAxe(frame: Frame): Promise<void> {
  if (await frame.evaluate(() => 'axe' in window)) return;
  await frame.evaluate(axe.source);
  await frame.evaluate(() => (window as unknown as { axe: typeof axe }).axe.configure({ allowedOrigins: ['<same_origin>'] }));
}

/**
 * Waits until the screen has settled: every finite CSS transition and animation has finished
 * (a tab's colour or a tile fading in), so axe measures the colours a patient sees once the
 * screen stands still, not a frame in between. Endless ones (the attract screen's) are left.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = () => document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    for (let i = 0; i < 5 && finite().length; i++) await Promise.all(finite().map((a) => a.finished.catch(() => undefined)));
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await settled(page);
  for (const frame of page.frames()) await injectAxe(frame);
  const results = await page.evaluate(
    ({ context, options }) => (window as unknown as { axe: typeof axe }).axe.run(context ?? document, options),
    { context: include ? { include: [include] } : null, options: axeOptions },
  );
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** Every visible control is at least 48 x 48 CSS px. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"]')]
      .filter((el) => el.offsetParent !== null || getComputedStyle(el).position === 'fixed')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 48 || r.height < 48))
      .map(({ el, r }) => `${el.tagName} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}
