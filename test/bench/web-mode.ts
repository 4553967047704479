/**
 * Web-mode figures besides the load: the size of the two biggest patient answers as served over
 * HTTP, the server's resident memory, and the time from `npm run serve` to "Kiosk ready".
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { figure, median, repoRoot, round, summary, tempDir, type Figure } from './lib';

const procedureId = 'kyphoplasty';

/** POSTs `body` to /api/<name> and returns the raw bytes of the answer as they came over the wire. */
function postRaw(baseUrl: string, name: string, body: unknown): Promise<{ status: number; bytes: Buffer; encoding: string | undefined }> {
  const url = new URL(`api/${name}`, baseUrl);
  const text = JSON.stringify(body);
  return new Promise((done, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Accept-Encoding': 'gzip, br' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** getProcedureHome and getWalkthrough in every language: the largest answer of each, in KB (1 KB = 1,024 bytes). */
export async function benchResponseSizes(baseUrl: string): Promise<Figure[]> {
  const listed = await postRaw(baseUrl, 'listLocales', {});
  const locales = (JSON.parse(listed.bytes.toString()) as { value: { code: string }[] }).value.map((l) => l.code);
  const out: Figure[] = [];
  for (const call of ['getProcedureHome', 'getWalkthrough']) {
    const bytes: Record<string, number> = {};
    for (const locale of locales) {
      const res = await postRaw(baseUrl, call, { procedureId, locale });
      if (res.status !== 200 || !(JSON.parse(res.bytes.toString()) as { ok: boolean }).ok) throw new Error(`${call} (${locale}): HTTP ${res.status} ${res.bytes.subarray(0, 200).toString()}`);
      if (res.encoding) throw new Error(`${call} (${locale}) came ${res.encoding}-encoded: measure the decoded size too`);
      bytes[locale] = res.bytes.length;
    }
    const [maxLocale, maxBytes] = Object.entries(bytes).sort((a, b) => b[1] - a[1])[0]!;
    out.push(
      figure(`responses.${call}.maxKB`, `${call} response size, largest of ${locales.length} languages`, maxBytes / 1024, 'KB', { kind: 'max', limit: 64 }, {
        how: `POST /api/${call} {"procedureId":"${procedureId}","locale":…} once per language on a fresh web-mode server; bytes of the HTTP response body (the JSON as served, uncompressed: the server sends no Content-Encoding); the largest is ${maxLocale}`,
        bytesByLanguage: bytes,
      }, { runs: locales.length }),
    );
  }
  return out;
}

/** VmRSS and VmHWM (peak) of a process from /proc/<pid>/status, in MB (1 MB = 2^20 bytes). */
export function residentMemory(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMB: round(kb('VmRSS') / 1024), peakMB: round(kb('VmHWM') / 1024) };
}

export function benchServerMemory(pid: number, before: { rssMB: number; peakMB: number }, loadHow: string): Figure[] {
  const after = residentMemory(pid);
  return [
    figure('web.rssAfterLoadMB', 'Web mode server resident memory after the 50-client load', after.rssMB, 'MB', { kind: 'max', limit: 250 }, {
      how: `VmRSS in /proc/<pid>/status of the web-mode server process (node running out/main/serve.js, as npm run serve starts it) right after the load figure's run (${loadHow}); one reading`,
      beforeLoad: before,
      afterLoad: after,
    }, { runs: 1 }),
    figure('web.rssPeakMB', 'Web mode server peak resident memory (VmHWM) during the load', after.peakMB, 'MB', null, { how: 'VmHWM in the same /proc/<pid>/status: the most the process held at any time since it started' }, { runs: 1 }),
  ];
}

const readyLine = /Kiosk ready at http:\/\/127\.0\.0\.1:\d+\//;

/** Spawns `cmd args` in its own process group, returns the ms until it prints "Kiosk ready", then stops the group. */
async function timeToReady(cmd: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
  let output = '';
  try {
    return await new Promise<number>((done, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Kiosk ready" within 30 s:\n${output}`)), 30_000);
      const onData = (c: Buffer) => {
        output += c.toString();
        if (/build-if-stale: .*: building/.test(output)) {
          clearTimeout(timer);
          reject(new Error(`the kiosk was not already built; the bench builds before it measures:\n${output}`));
        }
        if (readyLine.test(output)) {
          clearTimeout(timer);
          done(performance.now() - t0);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before "Kiosk ready":\n${output}`));
      });
    });
  } finally {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }
}

/** `npm run serve` (everything already built) to "Kiosk ready", median of `runs`; each on a new empty data folder. */
export async function benchServeStartup(runs = 5): Promise<Figure[]> {
  const npm: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < runs; i++) {
    npm.push(await timeToReady('npm', ['run', '--silent', 'serve', '--', '--port', '0', '--data', tempDir('kiosk-bench-serve-')]));
    direct.push(await timeToReady(process.execPath, ['out/main/serve.js', '--port', '0', '--data', tempDir('kiosk-bench-serve-')]));
  }
  return [
    figure('web.serveReadyMs', `npm run serve to "Kiosk ready" (already built), median of ${runs}`, median(npm), 'ms', { kind: 'max', limit: 2000 }, {
      how: `spawn "npm run serve -- --port 0 --data <new empty folder>" with the app and content.db already built (so the build check only looks at dates), time until the process prints "Kiosk ready at …"; ${runs} runs, alternating with the direct start below; the new data folder means the local database is created and migrated each time`,
      ms: summary(npm),
    }, { runs }),
    figure('web.serveCliReadyMs', `the built web mode alone to "Kiosk ready", median of ${runs}`, median(direct), 'ms', null, {
      how: 'the same without npm and the build check: node out/main/serve.js (electron/web/serve-cli.ts as electron-vite builds it), as the end-to-end tests start it',
      ms: summary(direct),
    }, { runs }),
  ];
}
