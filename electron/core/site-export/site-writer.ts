/**
 * Writes the site into a folder all at once: checks the target first, writes everything into
 * a temporary folder beside it, and renames that into place, so a failure leaves nothing
 * half-written.
 */
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KioskError } from '../../shared/errors';

/** Why the site cannot be written to `outDir`, or null. */
export function outputFolderProblem(outDir: string): string | null {
  if (!outDir.trim()) return 'give the folder to write the site into';
  const target = resolve(outDir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return `${target} is a file, not a folder; choose a new or empty folder`;
    if (readdirSync(target).length > 0) return `${target} is not empty; choose a new or empty folder (the site is never written over other files)`;
  }
  const parent = dirname(target);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return `the folder ${parent} does not exist; create it first`;
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    return `the folder ${parent} cannot be written to by this user; choose another folder or ask IT for write access`;
  }
  return null;
}

/** Writes `files` (path in the site → bytes) as the folder `outDir`. Returns the folder's full path. */
export function writeSiteFolder(outDir: string, files: Map<string, Buffer>): string {
  const problem = outputFolderProblem(outDir);
  if (problem) throw new KioskError('INVALID_INPUT', `The site was not written: ${problem}.`, 'outDir');
  const target = resolve(outDir);
  let temp: string;
  try {
    temp = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  } catch (e) {
    throw new KioskError('INVALID_INPUT', `The site was not written: ${dirname(target)} cannot be written to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, 'outDir');
  }
  try {
    const dirs = new Set<string>();
    for (const [path, bytes] of files) {
      const full = join(temp, ...path.split('/'));
      const dir = dirname(full);
      if (!dirs.has(dir)) {
        mkdirSync(dir, { recursive: true, mode: 0o755 });
        dirs.add(dir);
      }
      writeFileSync(full, bytes, { mode: 0o644 });
    }
    // mkdtemp makes a private folder; a web server must be able to read the site.
    chmodSync(temp, 0o755);
    if (existsSync(target)) rmdirSync(target);
    renameSync(temp, target);
    return target;
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw new KioskError('INVALID_INPUT', `The site was not written to ${target} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was left behind.`, 'outDir');
  }
}
