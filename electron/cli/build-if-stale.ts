/**
 * `npm start`, `npm run serve` and `npm run dev` run this first: it rebuilds resources/content.db
 * and the app bundles in out/ only when a source is newer than what was built (or it is missing),
 * and says why. Usage: node --import tsx electron/cli/build-if-stale.ts
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export interface BuildTarget {
  name: string;
  /** Files the build writes; the oldest of them is compared with the newest input. */
  outputs: string[];
  /** Files or folders (searched recursively) the build reads. */
  inputs: string[];
  /** Folders under the inputs that do not affect this build. */
  ignore?: string[];
  command: string;
}

export const buildTargets: BuildTarget[] = [
  {
    name: 'content database',
    outputs: ['resources/content.db'],
    inputs: ['db', 'electron/shared'],
    // better-sqlite3 may have been switched to Electron's ABI by a previous `npm start`.
    command: 'node test/fixtures/ensure-node-abi.mjs && npm run --silent db:build',
  },
  {
    name: 'app bundles',
    outputs: ['out/main/index.js', 'out/main/serve.js', 'out/preload/index.cjs', 'out/preload/print.cjs', 'out/renderer/index.html'],
    inputs: ['electron', 'db', 'renderer', 'resources/locales', 'electron.vite.config.ts', 'package.json', 'package-lock.json'],
    ignore: ['db/content', 'electron/cli'],
    command: 'npx electron-vite build --logLevel warn',
  },
];

/** The newest file under `path` (a file or a folder), or null when there is none. */
function newest(root: string, path: string, ignore: string[]): { file: string; mtimeMs: number } | null {
  const full = join(root, path);
  if (ignore.some((i) => path === i || path.startsWith(`${i}/`)) || !existsSync(full)) return null;
  const stat = statSync(full);
  if (!stat.isDirectory()) return { file: path, mtimeMs: stat.mtimeMs };
  let best: { file: string; mtimeMs: number } | null = null;
  for (const name of readdirSync(full)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const found = newest(root, `${path}/${name}`, ignore);
    if (found && (!best || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best;
}

/** Why `target` needs building under `root`, or null when what was built is up to date. */
export function staleReason(root: string, target: BuildTarget): string | null {
  const missing = target.outputs.find((o) => !existsSync(join(root, o)));
  if (missing) return `${missing} does not exist`;
  const oldest = target.outputs.map((o) => ({ file: o, mtimeMs: statSync(join(root, o)).mtimeMs })).sort((a, b) => a.mtimeMs - b.mtimeMs)[0];
  if (!oldest) return null;
  for (const input of target.inputs) {
    const found = newest(root, input, target.ignore ?? []);
    if (found && found.mtimeMs > oldest.mtimeMs) return `${found.file} is newer than ${oldest.file}`;
  }
  return null;
}

/** Builds each stale target in order; returns the names of those it built. */
export function buildIfStale(root: string, targets: BuildTarget[], run: (command: string) => void = (c) => execSync(c, { cwd: root, stdio: 'inherit' })): string[] {
  const built: string[] = [];
  for (const target of targets) {
    const reason = staleReason(root, target);
    if (!reason) {
      console.log(`build-if-stale: ${target.name}: up to date`);
      continue;
    }
    console.log(`build-if-stale: ${target.name}: building, because ${reason}`);
    const started = Date.now();
    run(target.command);
    // A build that leaves an output untouched (same bytes) still counts as done now.
    for (const o of target.outputs) if (existsSync(join(root, o)) && statSync(join(root, o)).mtimeMs < started) utimesSync(join(root, o), new Date(), new Date());
    built.push(target.name);
  }
  return built;
}

if (process.argv[1] && relative(process.argv[1], import.meta.filename) === '') {
  const root = resolve(import.meta.dirname, '..', '..');
  try {
    buildIfStale(root, buildTargets);
  } catch {
    console.error('build-if-stale: the build failed (see above); nothing was started.');
    process.exit(1);
  }
}
