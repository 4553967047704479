/**
 * Property: whatever a caller sends, every contract call answers with a well-formed result —
 * a value, INVALID_INPUT (when the input does not match the contract), NOT_FOUND (well-formed
 * but unknown ids), or the role/sign-in refusals — and never throws or answers INTERNAL.
 * Inputs are arbitrary values and objects shaped like each call's schema (generated from the
 * zod schema itself, so calls added later are covered too), for public, nurse and admin sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { z } from 'zod';
import { callNames, contract, roleAllows, type CallName, type SessionRole } from '../../electron/shared/contract';
import { errorCodes, type CallResult } from '../../electron/shared/errors';
import { createDispatcher } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs, sourcePack, tempDir } from '../fixtures/content';
import { createWebServer } from '../../electron/web/server';
import { defaultSettings } from '../../electron/shared/settings-schema';

const { core } = openTestCore();
const internalErrors: string[] = [];
const dispatch = createDispatcher(createHandlers(core), (name, e) => internalErrors.push(`${name}: ${(e as Error)?.stack ?? String(e)}`));
afterAll(() => {
  core.close();
  removeTempDirs();
});

// Real ids and values, so that shaped inputs often reach deep into the handlers, plus near misses.
const pack = sourcePack();
const known: Record<string, { valid: string[]; nearMiss: string[] }> = {
  procedureId: { valid: pack.procedures.map((p) => p.id), nearMiss: ['hip-replacement'] },
  locale: { valid: pack.locales.map((l) => l.code), nearMiss: ['fr', 'en-GB', 'zh-hans'] },
  topicId: { valid: pack.procedures.flatMap((p) => p.topics.map((t) => t.id)), nearMiss: ['nope'] },
  key: { valid: pack.texts.filter((t) => t.locale === 'en').map((t) => t.key), nearMiss: ['topic.nowhere.title', 'topic..title', 'topic.after.title.extra'] },
  pin: { valid: ['2468', '1357', '246810', '12345678'], nearMiss: ['0000', '123', '١٢٣٤', '１２３４５６', 'abcdef', ' 246810', '2468\n'] },
  date: { valid: ['2026-12-01', '2026-12-15'], nearMiss: ['2026-02-30', '1999-01-01'] },
  time: { valid: ['10:30', '23:59'], nearMiss: ['24:00'] },
  phone: { valid: ['555-0100', '+1 (555) 0199', '911'], nearMiss: ['call me'] },
  text: { valid: ['T12 and L1', 'Room 12', 'Take paracetamol as needed'], nearMiss: ['', ' '] },
  url: { valid: ['', 'https://clinic.example/take-home/'], nearMiss: ['clinic.example', 'ftp://clinic.example/', 'javascript:alert(1)'] },
  // Pack files: a valid one, and broken ones (the last was found by test/unit/property-pack.test.ts).
  json: { valid: [JSON.stringify(pack), '{}', 'not json', '{"format":"clinic-kiosk-content-pack","formatVersion":{"toString":1}}'], nearMiss: [] },
};
const digits = fc.stringMatching(/^\d{1,9}$/);

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

function knownFor(field: string, strict: boolean): string[] {
  if (field === 'key') return strict ? known.key!.valid : [...known.key!.valid, ...known.key!.nearMiss];
  const kind = /locale$/i.test(field)
    ? 'locale'
    : /procedureId$/.test(field)
      ? 'procedureId'
      : /topicId$/.test(field)
        ? 'topicId'
        : /pin$/i.test(field)
          ? 'pin'
          : /date$/i.test(field)
            ? 'date'
            : /time$/i.test(field)
              ? 'time'
              : /phone|number$/i.test(field)
                ? 'phone'
                : /json$/i.test(field)
                  ? 'json'
                  : /url$/i.test(field)
                    ? 'url'
                    : 'text';
  const k = known[kind]!;
  return strict ? k.valid : [...k.valid, ...k.nearMiss];
}

/**
 * An arbitrary that follows the schema's shape. Strict: every leaf drawn from its valid domain
 * (known ids, strings matching the field's pattern, numbers in range), so many inputs reach the
 * handler. Noisy: leaves are often random strings, out-of-range numbers, wrong types, missing or
 * extra keys.
 */
function shaped(schema: unknown, strict: boolean, field = '', depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const wild = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
  const leaf = (a: fc.Arbitrary<unknown>) => (strict ? a : fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: wild }));
  const checks = ((def.checks as unknown[] | undefined) ?? []).map((c) => defOf(c) as Def & { pattern?: RegExp; value?: number; minimum?: number; maximum?: number });
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, shaped(v, strict, k, depth + 1)]));
      if (strict) return fc.record(entries);
      return fc
        .tuple(
          fc.record(entries, { requiredKeys: [] }),
          fc.record(entries),
          fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
          fc.nat(9),
        )
        .map(([partial, full, extra, dice]) => (dice < 6 ? full : dice < 8 ? partial : { ...full, ...extra }));
    }
    case 'string': {
      const pattern = checks.find((c) => c.format === 'regex')?.pattern;
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const maxLength = checks.find((c) => c.check === 'max_length')?.maximum ?? 10_000;
      const max = Math.min(maxLength, 40);
      const knownHere = knownFor(field, strict).filter((v) => !strict || !pattern || pattern.test(v));
      const options: fc.Arbitrary<string>[] = [];
      if (knownHere.length) for (let i = 0; i < (strict ? 4 : 1); i++) options.push(fc.constantFrom(...knownHere));
      if (pattern) options.push(fc.stringMatching(pattern).filter((v) => v.length >= min && v.length <= maxLength));
      else options.push(fc.string({ minLength: min, maxLength: Math.max(min, max) }).filter((v) => !strict || v.trim().length >= min));
      if (!strict) options.push(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 12 }));
      if (!strict && /pin$/i.test(field)) options.push(digits);
      return leaf(fc.oneof(...options));
    }
    case 'number': {
      const int = checks.some((c) => c.check === 'number_format');
      const min = checks.find((c) => c.check === 'greater_than')?.value ?? -1000;
      const max = checks.find((c) => c.check === 'less_than')?.value ?? 1000;
      if (strict) {
        if (int) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
        const typical = [38.3, 101, 4.5].filter((v) => v >= min && v <= max);
        return fc.oneof({ weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) }, { weight: 4, arbitrary: fc.constantFrom(...typical) });
      }
      return leaf(
        fc.oneof(
          fc.integer({ min: Math.ceil(min) - 1, max: Math.floor(max) + 1 }),
          fc.double({ min: min - 1, max: max + 1, noNaN: true }),
          fc.constantFrom(0, -1, 38.3, 101, Number.MAX_SAFE_INTEGER, 1e308),
        ),
      );
    }
    case 'boolean':
      return leaf(fc.boolean());
    case 'enum': {
      const values = fc.constantFrom(...Object.values(def.entries as Record<string, string>));
      return leaf(strict ? values : fc.oneof(values, fc.string({ maxLength: 6 })));
    }
    case 'literal':
      return leaf(fc.constantFrom(...(def.values as unknown[])));
    case 'nullable':
      return fc.oneof(fc.constant(null), shaped(def.innerType, strict, field, depth));
    case 'optional':
      return fc.oneof(fc.constant(undefined), shaped(def.innerType, strict, field, depth));
    case 'default':
    case 'readonly':
    case 'catch':
      return shaped(def.innerType, strict, field, depth);
    case 'pipe':
      return shaped(def.in, strict, field, depth);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => shaped(o, strict, field, depth)));
    case 'array':
      return depth > 6 ? fc.constant([]) : leaf(fc.array(shaped(def.element, strict, field, depth + 1), { maxLength: 4 }));
    default:
      return wild;
  }
}

/** Arbitrary values of every kind, including ones that only IPC (structured clone) can carry. */
const anything = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
    withBigInt: true,
  }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(undefined, null, {}, [], '', 0, '__proto__', { __proto__: { locale: 'en' } }, JSON.parse('{"__proto__":{"role":"admin"}}')),
);

const roles: SessionRole[] = ['public', 'nurse', 'admin'];

/**
 * Inputs known to pass a call's schema, run first among the strict ones: a schema with many
 * fields and cross-field rules (settings) is passed by few random inputs, and the check that
 * shaped inputs reach the handler must not depend on the seed.
 */
const validExamples: Partial<Record<CallName, unknown[]>> = {
  adminSaveSettings: [{ settings: defaultSettings }, { settings: { ...defaultSettings, siteBaseUrl: 'https://clinic.example/take-home/', localeOrder: ['es', 'en'] } }],
};

/** Codes a call may legitimately answer once its input is valid and its role allowed. */
function extraCodes(name: CallName): string[] {
  if (name === 'staffSignIn') return ['UNAUTHORIZED', 'LOCKED_OUT'];
  // A pack the caller sends may be refused as a pack (its own problems, each with a path).
  if (/import/i.test(name)) return ['PACK_INVALID'];
  return [];
}

function checkResult(name: CallName, role: SessionRole, input: unknown, result: CallResult<unknown>): void {
  const where = `${name} as ${role} with ${safeShow(input)}`;
  expect(result, where).toBeTypeOf('object');
  expect(typeof result.ok, where).toBe('boolean');
  const spec = contract[name];
  const valid = (spec.input as z.ZodType).safeParse(input ?? {}).success;
  if (result.ok) {
    expect(valid, `${where}: answered although the input is not valid`).toBe(true);
    expect(roleAllows(spec.role, role), `${where}: answered a caller without the role`).toBe(true);
    expect(() => JSON.stringify(result.value), where).not.toThrow();
    const value = result.value as Record<string, unknown>;
    const given = input as Record<string, unknown>;
    if ('procedureId' in (value ?? {}) && typeof given?.procedureId === 'string') expect(value.procedureId, where).toBe(given.procedureId);
    if (name === 'getTopic') expect((value.topic as { id: string }).id, where).toBe(given.topicId);
    return;
  }
  const { code, message } = result.error;
  expect(errorCodes, where).toContain(code);
  expect(typeof message === 'string' && message.length > 0, `${where}: an error without a message`).toBe(true);
  expect(code, `${where}: ${message}`).not.toBe('INTERNAL');
  // The role is checked before the input (issue 17): callers without it learn nothing about the input's shape.
  if (!roleAllows(spec.role, role)) return void expect(code, `${where}: ${message}`).toBe('UNAUTHORIZED');
  if (!valid) return void expect(code, `${where}: invalid input answered ${code} (${message})`).toBe('INVALID_INPUT');
  expect(['INVALID_INPUT', 'NOT_FOUND', ...extraCodes(name)], `${where}: ${message}`).toContain(code);
}

function safeShow(v: unknown): string {
  try {
    return fc.stringify(v).slice(0, 400);
  } catch {
    return String(v);
  }
}

describe('property: every contract call answers any input with a valid result or a known error', () => {
  // 200 runs per call in all, across the three roles: 80 strictly shaped inputs (most reach the
  // handler), 60 noisy shaped inputs and 60 arbitrary values.
  for (const name of callNames) {
    it(`${name}`, async () => {
      const spec = contract[name];
      let reached = 0;
      internalErrors.length = 0;
      const run = async (input: unknown, role: SessionRole) => {
        let result: CallResult<unknown>;
        try {
          result = await dispatch(name, input, { session: { role } });
        } catch (e) {
          throw new Error(`${name} as ${role} threw for ${safeShow(input)}: ${(e as Error).stack}`);
        }
        if ((spec.input as z.ZodType).safeParse(input ?? {}).success) reached++;
        checkResult(name, role, input, result);
      };
      const examples = (validExamples[name] ?? []).map((input): [unknown, SessionRole] => [input, 'admin']);
      await fc.assert(fc.asyncProperty(shaped(spec.input, true), fc.constantFrom(...roles), run), { numRuns: 80, examples });
      await fc.assert(fc.asyncProperty(shaped(spec.input, false), fc.constantFrom(...roles), run), { numRuns: 60 });
      await fc.assert(fc.asyncProperty(anything, fc.constantFrom(...roles), run), { numRuns: 60 });
      expect(internalErrors).toEqual([]);
      // The shaped inputs are good enough to get past validation to the handler itself.
      expect(reached, `no generated input for ${name} passed its schema`).toBeGreaterThan(0);
    }, 120_000); // setStaffPin hashes every valid PIN with scrypt: slow on a loaded 2-core machine
  }

  it('a PIN that is not 4 to 8 ASCII digits is INVALID_INPUT at sign-in and never counts as a wrong PIN', async () => {
    const notDigits = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      // Digits of other scripts: full-width, Arabic-Indic, Devanagari.
      fc.array(fc.constantFrom('０', '１', '٢', '٣', '४', '५'), { minLength: 4, maxLength: 8 }).map((a) => a.join('')),
      fc.tuple(fc.stringMatching(/^[0-9]{4,8}$/), fc.constantFrom(' ', '\n', '\t', 'a', '\u200b')).map(([d, extra]) => `${d}${extra}`),
    ).filter((p) => !/^[0-9]{4,8}$/.test(p));
    const before = JSON.stringify(core.staff.locks());
    await fc.assert(
      fc.asyncProperty(notDigits, async (pin) => {
        const result = await dispatch('staffSignIn', { pin }, { session: { role: 'public', place: 'workstation' } });
        expect(result, JSON.stringify(pin)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'pin' } });
      }),
      { numRuns: 150 },
    );
    expect(JSON.stringify(core.staff.locks())).toBe(before);
  });

  it('an unknown call name is NOT_FOUND, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }).filter((s) => !(callNames as string[]).includes(s)), anything, fc.constantFrom(...roles), async (name, input, role) => {
        const result = await dispatch(name, input, { session: { role } });
        expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }),
      { numRuns: 100 },
    );
  });
});

describe('property: in web mode every call refuses a body over its own limit before reading it', () => {
  const server = createWebServer({ dispatcher: dispatch, staticDir: tempDir('kiosk-static-') });
  let port = 0;
  let adminCookie = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    core.staff.setPin('admin', '97531086');
    const reply = await rawRequest('staffSignIn', '{"pin":"97531086"}');
    adminCookie = /kiosk_session=([\w-]+)/.exec(reply)?.[1] ?? '';
    expect(adminCookie).not.toBe('');
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Sends headers (and optionally a body) on a raw socket; the answer as text. */
  function rawRequest(name: string, body: string | null, headers: Record<string, string | number> = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const length = body !== null && !('Transfer-Encoding' in headers) ? { 'Content-Length': Buffer.byteLength(body) } : {};
      const head = Object.entries({ Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...length, ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      const socket = connect(port, '127.0.0.1', () => socket.write(`POST /api/${name} HTTP/1.1\r\n${head}\r\n${body ?? ''}`));
      let data = '';
      socket.on('data', (c) => {
        data += c.toString('latin1');
        // One answer is enough: the server may keep the connection open.
        if (/\r\n\r\n/.test(data) && /Content-Length: (\d+)/i.test(data)) {
          const length = Number(/Content-Length: (\d+)/i.exec(data)![1]);
          if (Buffer.byteLength(data.split('\r\n\r\n').slice(1).join('\r\n\r\n'), 'latin1') >= length) socket.destroy();
        }
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
  }

  it('declared sizes over the limit: 413 for a caller with the role, 401 for one without, both before any byte of the body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callNames), fc.integer({ min: 1, max: 200 * 1024 * 1024 }), fc.boolean(), async (name, over, asAdmin) => {
        const limit = contract[name].maxBodyBytes;
        const reply = await rawRequest(name, null, { 'Content-Length': limit + over, ...(asAdmin ? { Cookie: `kiosk_session=${adminCookie}` } : {}) });
        const status = Number(/^HTTP\/1\.1 (\d+)/.exec(reply)?.[1]);
        const allowed = asAdmin || roleAllows(contract[name].role, 'public');
        expect(status, `${name} with ${limit + over} bytes declared, as ${asAdmin ? 'admin' : 'public'}`).toBe(allowed ? 413 : 401);
      }),
      { numRuns: 120 },
    );
  });

  it('a chunked body that grows past a public call\'s limit is cut off with 413', async () => {
    const publicCalls = callNames.filter((n) => contract[n].role === 'public');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...publicCalls), fc.integer({ min: 1, max: 64 * 1024 }), async (name, over) => {
        const size = contract[name].maxBodyBytes + over;
        const chunk = `{"x":"${'a'.repeat(size)}"}`;
        const reply = await rawRequest(name, `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n0\r\n\r\n`, { 'Transfer-Encoding': 'chunked' });
        expect(Number(/^HTTP\/1\.1 (\d+)/.exec(reply)?.[1]), name).toBe(413);
      }),
      { numRuns: 20 },
    );
  });
});
