/**
 * Work done once per Playwright run and shared by its workers, in the run's folder
 * (global-setup.ts): the first worker to ask does it, the others wait for its result.
 */
import { mkdirSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function runDir(): string {
  const dir = process.env.KIOSK_E2E_RUN_DIR;
  if (!dir) throw new Error('KIOSK_E2E_RUN_DIR is not set: run the end-to-end tests with playwright.config.ts (its globalSetup makes the folder)');
  return dir;
}

/**
 * The folder `name` in the run's folder, made by `make(dir)` exactly once per run: `make` writes
 * into `dir` (an empty folder); the result appears under its final name only
 * when `make` has finished, so a waiting worker never sees half of it. A failure is passed on
 * to every worker that asks.
 */
export async function folderOncePerRun(name: string, make: (dir: string) => Promise<void> | void, timeoutMs = 120_000): Promise<string> {
  const done = join(runDir(), name);
  const failed = `${done}.failed`;
  try {
    mkdirSync(`${done}.lock`);
  } catch {
    // Another worker is making it.
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
      if (existsSync(done)) return done;
      if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    }
    throw new Error(`${name} was not made within ${timeoutMs / 1000} s by the worker making it`);
  }
  const work = `${done}.work`;
  try {
    mkdirSync(work);
    await make(work);
  } catch (e) {
    writeFileSync(failed, `${name} could not be made: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
  renameSync(work, done);
  return done;
}
