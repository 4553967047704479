/**
 * `npm run serve -- [--port N] [--data DIR] [--content FILE]`: web mode on 127.0.0.1.
 * Prints "Kiosk ready at http://127.0.0.1:N/" once the kiosk answers.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createKioskRuntime, type KioskRuntime } from '../core/kiosk-runtime';
import { defaultDataDir } from '../core/data-dir';
import { createWebServer } from './server';

const root = resolve(import.meta.dirname, '..', '..');

function usage(message?: string): never {
  if (message) console.error(`serve: ${message}`);
  console.error('usage: npm run serve -- [--port N] [--data DIR] [--content FILE]');
  process.exit(message ? 2 : 0);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: '5199' },
      data: { type: 'string' },
      content: { type: 'string', default: resolve(root, 'resources', 'content.db') },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  usage((e as Error).message);
}
if (args.help) usage();
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port must be a number from 0 to 65535, not "${args.port}"`);
const staticDir = resolve(root, 'out', 'renderer');
if (!existsSync(resolve(staticDir, 'index.html'))) usage('the kiosk pages are not built yet: run "npm run build" first');

const dataDir = resolve(args.data ?? defaultDataDir());
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
let runtime: KioskRuntime;
try {
  runtime = createKioskRuntime({
    bundledContentPath: resolve(args.content),
    dataDir,
    appVersion: version,
    uiStringsDir: resolve(root, 'resources', 'locales'),
    // An error's name and the call only: its message or stack may quote what someone typed or a file's bytes.
    onCallError: (name, e) => console.error(`serve: internal error in ${name}: ${e instanceof Error ? e.name : typeof e}`),
    // The watch folder in Settings is scanned for content packs; a new folder applies at once.
    watchFolder: { log: (line) => console.log(`serve: ${line}`) },
  });
} catch (e) {
  console.error(`serve: ${(e as Error).message}`);
  process.exit(1);
}
const { core, dispatcher } = runtime;
for (const warning of core.local.warnings) console.warn(`serve: warning: ${warning}`);

const server = createWebServer({ dispatcher, staticDir, media: (kind, id) => core.media.resolveMedia(kind, id) });

server.on('error', (e: NodeJS.ErrnoException) => {
  console.error(e.code === 'EADDRINUSE' ? `serve: port ${port} is already in use; choose another with --port` : `serve: ${e.message}`);
  process.exit(1);
});

server.listen(port, '127.0.0.1', async () => {
  const address = server.address();
  const actual = address && typeof address === 'object' ? address.port : port;
  const base = `http://127.0.0.1:${actual}/`;
  const check = await fetch(`${base}api/getAppInfo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  if (!check.ok) {
    console.error(`serve: the kiosk did not answer its own health check (HTTP ${check.status})`);
    process.exit(1);
  }
  console.log(`Data folder: ${dataDir}`);
  console.log(`Kiosk ready at ${base}`);
});

function stop(): void {
  server.close();
  server.closeAllConnections();
  runtime.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
