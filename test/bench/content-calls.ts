/**
 * Figure 1: latency of the core calls behind the topic page and the walkthrough, through the
 * dispatcher (validation + handler, what IPC and web mode run), against the floor of reading the
 * same rows with one prepared SELECT on the same bundled database. Calls and floors alternate,
 * so both see the same machine noise.
 */
import { join } from 'node:path';
import { openKioskCore } from '../../electron/core/kiosk-core';
import { createHandlers } from '../../electron/core/handlers';
import { createDispatcher } from '../../electron/core/dispatch';
import { figure, percentile, repoRoot, summary, tempDir, type Figure } from './lib';

const ns = () => process.hrtime.bigint();
const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;

export async function benchContentCalls(contentDb = join(repoRoot, 'resources', 'content.db')): Promise<Figure[]> {
  const core = openKioskCore({ bundledContentPath: contentDb, dataDir: tempDir('kiosk-bench-core-'), appVersion: 'bench' });
  const dispatch = createDispatcher(createHandlers(core));
  try {
    const procedureId = (core.bundled.prepare('SELECT id FROM procedures ORDER BY sort_order LIMIT 1').get() as { id: string }).id;
    const topics = (core.bundled.prepare('SELECT id FROM topics WHERE procedure_id = ? ORDER BY sort_order').all(procedureId) as { id: string }[]).map((t) => t.id);
    const locales = (core.bundled.prepare('SELECT code FROM locales ORDER BY sort_order').all() as { code: string }[]).map((l) => l.code);

    // The rows a topic page shows: its title, summary, and every section's heading and body.
    const topicFloor = core.bundled.prepare('SELECT key, text, status FROM texts WHERE procedure_id = ? AND locale = ? AND key GLOB ?');
    // The rows the walkthrough shows: each step's texts, its illustration and the illustration's alt text.
    const walkthroughFloor = core.bundled.prepare(`
      SELECT s.id, ti.text AS title, bo.text AS body, fe.text AS feel, al.text AS alt, i.media_type, i.data
      FROM steps s
      LEFT JOIN texts ti ON ti.procedure_id = s.procedure_id AND ti.locale = @locale AND ti.key = 'step.' || s.id || '.title'
      LEFT JOIN texts bo ON bo.procedure_id = s.procedure_id AND bo.locale = @locale AND bo.key = 'step.' || s.id || '.body'
      LEFT JOIN texts fe ON fe.procedure_id = s.procedure_id AND fe.locale = @locale AND fe.key = 'step.' || s.id || '.feel'
      LEFT JOIN illustrations i ON i.procedure_id = s.procedure_id AND i.id = s.illustration_id
      LEFT JOIN texts al ON al.procedure_id = s.procedure_id AND al.locale = @locale AND al.key = 'illustration.' || s.illustration_id || '.alt'
      WHERE s.procedure_id = @procedureId ORDER BY s.sort_order`);

    const session = { session: { role: 'public' as const } };
    const run = async (n: number, call: (i: number) => Promise<unknown>, floor: (i: number) => unknown) => {
      const calls: number[] = [];
      const floors: number[] = [];
      for (let i = 0; i < n + 200; i++) {
        let t = ns();
        floor(i);
        const f = ms(t, ns());
        t = ns();
        const result = (await call(i)) as { ok: boolean };
        const c = ms(t, ns());
        if (!result.ok) throw new Error(`the call failed: ${JSON.stringify(result)}`);
        if (i >= 200) {
          // The first 200 are warm-up (JIT, statement cache, page cache).
          calls.push(c);
          floors.push(f);
        }
      }
      return { calls, floors };
    };

    const topic = await run(
      3000,
      (i) => dispatch('getTopic', { procedureId, topicId: topics[i % topics.length]!, locale: locales[i % locales.length]! }, session),
      (i) => topicFloor.all(procedureId, locales[i % locales.length]!, `topic.${topics[i % topics.length]!}.*`),
    );
    const walk = await run(
      1500,
      (i) => dispatch('getWalkthrough', { procedureId, locale: locales[i % locales.length]! }, session),
      (i) => walkthroughFloor.all({ locale: locales[i % locales.length]!, procedureId }),
    );

    const out: Figure[] = [];
    for (const [name, m] of [['getTopic', topic], ['getWalkthrough', walk]] as const) {
      const call = summary(m.calls);
      const floor = summary(m.floors);
      const detail = {
        how: `dispatcher('${name}') from a real KioskCore (bundled content.db + fresh local overlay), ${m.calls.length} calls rotating ${name === 'getTopic' ? `${topics.length} topics x ` : ''}${locales.length} languages, alternating with the floor; 200 warm-up rounds discarded`,
        floor: name === 'getTopic' ? 'one prepared SELECT of the topic texts (key GLOB topic.<id>.*) on the bundled database' : 'one prepared SELECT joining steps, their texts, illustrations and alt texts on the bundled database',
        callMs: call,
        floorMs: floor,
      };
      const runs = m.calls.length;
      out.push(figure(`content.${name}.p50`, `${name} p50 (ratio to floor p50)`, percentile(m.calls, 50) / percentile(m.floors, 50), 'x floor', null, {}, { runs, how: `see content.${name}.p99`, floor: { value: floor.p50, unit: 'ms', what: `${detail.floor}, p50` } }));
      out.push(figure(`content.${name}.p99`, `${name} p99 (ratio to floor p99)`, percentile(m.calls, 99) / percentile(m.floors, 99), 'x floor', { kind: 'max', limit: 5 }, detail, { runs, floor: { value: floor.p99, unit: 'ms', what: `${detail.floor}, p99` } }));
      out.push(figure(`content.${name}.p99ms`, `${name} p99 latency`, call.p99, 'ms', null, {}, { runs, how: `see content.${name}.p99` }));
    }
    return out;
  } finally {
    core.close();
  }
}
