/**
 * `npm run serve -- [--port N] [--data DIR] [--content FILE]`: web mode, in one process. First
 * what `npm start` also does: better-sqlite3 built for Node (not Electron), and content.db and
 * the bundles rebuilt only when a source is newer; then the built web mode (electron/web/serve-cli.ts) starts.
 */
import { execSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nativeModuleProblem } from '../../db/connection';
import { buildIfStale, buildTargets } from './build-if-stale';

const root = resolve(import.meta.dirname, '..', '..');

if (!process.argv.includes('--help')) {
  if (nativeModuleProblem()) {
    console.log('serve: better-sqlite3 was built for Electron; rebuilding it for Node…');
    execSync('npm rebuild better-sqlite3', { cwd: root, stdio: 'inherit' });
    // The failed native module stays loaded in this process: start again in a fresh one.
    const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(again.status ?? 1);
  }
  try {
    buildIfStale(root, buildTargets);
  } catch {
    console.error('serve: the build failed (see above); nothing was started.');
    process.exit(1);
  }
}
// The built web mode (out/main/serve.js, from electron/web/serve-cli.ts): plain JavaScript,
// so the kiosk answers without compiling TypeScript first.
await import(pathToFileURL(resolve(root, 'out', 'main', 'serve.js')).href);
