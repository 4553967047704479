/**
 * Playwright's global setup: one temp folder for the whole run (KIOSK_E2E_RUN_DIR, inherited by
 * every worker), where work done once per run is kept, such as the exported take-home site
 * (run-once.ts). Removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-run-'));
  process.env.KIOSK_E2E_RUN_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
