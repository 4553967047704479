/**
 * Figure 9: web mode under 50 concurrent clients on loopback. Each client is a closed loop (the
 * next request as soon as the last answer is read, no think time) over a keep-alive connection,
 * keeping its session cookie like a browser, with a mix of the calls behind the patient screens.
 * The floor is a bare node http server answering the same requests with a fixed JSON body.
 */
import { Agent, request } from 'node:http';
import { spawn } from 'node:child_process';
import { figure, percentile, round, sleep, summary, type Figure } from './lib';

interface LoadResult {
  latencies: number[];
  errors: number;
  errorSamples: string[];
  requests: number;
  seconds: number;
  bytes: number;
}

const procedureId = 'kyphoplasty';

async function runLoad(baseUrl: string, clients: number, seconds: number, calls: { name: string; body: () => unknown }[]): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const result: LoadResult = { latencies: [], errors: 0, errorSamples: [], requests: 0, seconds, bytes: 0 };
  const fail = (why: string) => {
    result.errors++;
    if (result.errorSamples.length < 5) result.errorSamples.push(why);
  };
  const post = (path: string, body: string, cookie: string | undefined) =>
    new Promise<{ status: number; body: Buffer; setCookie: string | undefined }>((done, reject) => {
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port: url.port,
          method: 'POST',
          path,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(cookie ? { Cookie: cookie } : {}) },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), setCookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out after 10 s')));
      req.on('error', reject);
      req.end(body);
    });

  let recording = false;
  let stop = false;
  const client = async (n: number) => {
    let cookie: string | undefined;
    for (let i = n; !stop; i++) {
      const call = calls[i % calls.length]!;
      const t0 = performance.now();
      try {
        const res = await post(`/api/${call.name}`, JSON.stringify(call.body()), cookie);
        const ms = performance.now() - t0;
        cookie = res.setCookie ?? cookie;
        if (!recording) continue;
        result.requests++;
        result.bytes += res.body.length;
        result.latencies.push(ms);
        if (res.status !== 200) fail(`${call.name}: HTTP ${res.status} ${res.body.subarray(0, 200).toString()}`);
        else if (!(JSON.parse(res.body.toString()) as { ok: boolean }).ok) fail(`${call.name}: ${res.body.subarray(0, 200).toString()}`);
      } catch (e) {
        if (recording) {
          result.requests++;
          fail(`${call.name}: ${(e as Error).message}`);
        }
      }
    }
  };
  const running = Array.from({ length: clients }, (_, n) => client(n));
  await sleep(2_000); // warm-up, not counted
  recording = true;
  await sleep(seconds * 1000);
  recording = false;
  stop = true;
  await Promise.all(running);
  agent.destroy();
  return result;
}

/** A bare node http server answering every POST with the same JSON: the floor for the load figure. */
async function startFloorServer(bodyBytes: number): Promise<{ url: string; stop: () => void }> {
  const script = `
    const http = require('node:http');
    const body = JSON.stringify({ ok: true, value: { text: 'x'.repeat(${bodyBytes}) } });
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => { JSON.parse(Buffer.concat(chunks).toString() || '{}'); res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }); res.end(body); });
    });
    server.listen(0, '127.0.0.1', () => console.log('floor at http://127.0.0.1:' + server.address().port + '/'));
    process.on('SIGTERM', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      const m = /floor at (\S+)/.exec(c.toString());
      if (m) done(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  return { url, stop: () => void child.kill('SIGTERM') };
}

export async function benchLoad(kioskUrl: string, topics: string[], locales: string[], seconds = 30, floorSeconds = 8): Promise<Figure[]> {
  const any = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const calls = [
    { name: 'getTopic', body: () => ({ procedureId, topicId: any(topics), locale: any(locales) }) },
    { name: 'getProcedureHome', body: () => ({ procedureId, locale: any(locales) }) },
    { name: 'getTopic', body: () => ({ procedureId, topicId: any(topics), locale: any(locales) }) },
    { name: 'getWalkthrough', body: () => ({ procedureId, locale: any(locales) }) },
  ];
  const clients = 50;
  const kiosk = await runLoad(kioskUrl, clients, seconds, calls);
  const meanBytes = Math.round(kiosk.bytes / Math.max(1, kiosk.requests - kiosk.errors));
  const floorServer = await startFloorServer(meanBytes);
  let floor: LoadResult;
  try {
    floor = await runLoad(floorServer.url, clients, floorSeconds, calls);
  } finally {
    floorServer.stop();
  }
  const p99 = percentile(kiosk.latencies, 99);
  const detail = {
    how: `${clients} closed-loop clients (no think time) for ${seconds} s after a 2 s warm-up, node http keep-alive agent, session cookie kept, requests cycling getTopic, getProcedureHome, getTopic, getWalkthrough with random topics and languages; latency from sending the request to the last byte of the answer; an error is a failed request, a status other than 200 or an answer with ok: false`,
    requests: kiosk.requests,
    errors: kiosk.errors,
    errorSamples: kiosk.errorSamples,
    throughputPerSecond: round(kiosk.requests / seconds),
    meanResponseBytes: meanBytes,
    ms: summary(kiosk.latencies),
    floor: {
      how: `a bare node http server (child process) answering every POST with a fixed ${meanBytes}-byte JSON body, same clients, ${floorSeconds} s`,
      throughputPerSecond: round(floor.requests / floorSeconds),
      ms: summary(floor.latencies),
      errors: floor.errors,
    },
  };
  return [
    figure('load.p99', 'Web mode, 50 concurrent clients: p99 latency', p99, 'ms', { kind: 'max', limit: 20 }, detail, { runs: kiosk.requests }),
    figure('load.errors', 'Web mode, 50 concurrent clients: errors', kiosk.errors, 'errors', { kind: 'max', limit: 0 }, {}, { runs: kiosk.requests, how: 'see load.p99' }),
    figure('load.p50', 'Web mode, 50 concurrent clients: p50 latency', percentile(kiosk.latencies, 50), 'ms', null, {}, { runs: kiosk.requests, how: 'see load.p99' }),
    figure('load.throughput', 'Web mode, 50 concurrent clients: throughput', kiosk.requests / seconds, 'requests/s', null, {}, { runs: kiosk.requests, how: `see load.p99; requests answered in the ${seconds} s` }),
    figure('load.p99.floorRatio', 'Web mode, 50 concurrent clients: p99 (ratio to bare node http)', p99 / percentile(floor.latencies, 99), 'x floor', null, {}, {
      runs: kiosk.requests,
      how: 'see load.p99; p99 over the floor server\'s p99',
      floor: { value: percentile(floor.latencies, 99), unit: 'ms', what: detail.floor.how },
    }),
  ];
}
