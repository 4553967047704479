/**
 * `npm run admin -- <command> [options]`: offline administration from a terminal.
 * Every command prints --help, and exits non-zero with a clear message on error.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { KioskCore } from '../core/kiosk-core';
import { createKioskRuntime, type KioskRuntime } from '../core/kiosk-runtime';
import { defaultDataDir } from '../core/data-dir';
import { pinSchema, signInPlaces, staffRole } from '../shared/staff';
import { KioskError } from '../shared/errors';
import { writeFileSync, existsSync } from 'node:fs';
import { checkPackFile, narrationAudioProblems } from '../../db/pack-validate';
import { checkSignature, generateSigningKeys, signPack } from '../../db/pack-signing';
import { PackRejected } from '../core/content-packs';

const root = resolve(import.meta.dirname, '..', '..');

export class CliError extends Error {}

/** Who the audit log names for what the CLI changes. */
const CLI_ROLE = 'admin-cli';

interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; description: string }>;
  run(core: KioskCore, values: Record<string, string | boolean | undefined>): Promise<string>;
}

/** Reads a PIN: hidden, asked twice, on a terminal; the first line of standard input otherwise. */
async function readPin(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line.trim();
    }
    throw new CliError('no PIN was given on standard input');
  }
  const ask = (q: string) =>
    new Promise<string>((resolveAnswer) => {
      let muted = false;
      const output = new Writable({ write: (chunk, _enc, done) => (muted ? done() : process.stdout.write(chunk, done)) });
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      rl.question(q, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolveAnswer(answer.trim());
      });
      muted = true;
    });
  const first = await ask(prompt);
  const second = await ask('Type it again: ');
  if (first !== second) throw new CliError('the two PINs are not the same; nothing was changed');
  return first;
}

function readFile(path: unknown, what: string): Buffer {
  if (typeof path !== 'string' || !path) throw new CliError(`give the ${what} with --file PATH`);
  if (!existsSync(path)) throw new CliError(`${path} does not exist`);
  return readFileSync(path);
}

/** The value of `--option`, one of `choices`; else a CliError that lists them ("a", "b" or "c"). */
function choiceOf<T extends string>(values: Record<string, string | boolean | undefined>, option: string, choices: readonly T[]): T {
  const value = values[option];
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  const quoted = choices.map((c) => `"${c}"`);
  throw new CliError(`--${option} must be ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`);
}

function problemsText(e: PackRejected): string {
  return ['the pack is not valid:', ...e.problems.map((p) => `  - ${p.path}: ${p.message}`)].join('\n');
}

export const commands: Record<string, Command> = {
  'set-pin': {
    summary: 'set the nurse or admin PIN (6 to 8 digits; asked for, never passed as an argument)',
    usage: 'set-pin --role nurse|admin',
    options: { role: { type: 'string', description: 'nurse or admin' } },
    async run(core, values) {
      const role = choiceOf(values, 'role', staffRole.options);
      const pin = await readPin(`New ${role} PIN (6 to 8 digits): `);
      const valid = pinSchema.safeParse(pin);
      if (!valid.success) throw new CliError('a PIN is 6 to 8 digits (0-9); nothing was changed');
      core.staff.setPin(role, valid.data);
      return `The ${role} PIN is set.`;
    },
  },
  'unlock-sign-in': {
    summary: 'clear the wrong-PIN lock of a sign-in place (kiosk, workstation or web), as an admin can in the staff menu',
    usage: 'unlock-sign-in --place kiosk|workstation|web',
    options: { place: { type: 'string', description: 'kiosk (the touch screen), workstation, or web (web mode)' } },
    async run(core, values) {
      const place = choiceOf(values, 'place', signInPlaces);
      core.staff.unlock(CLI_ROLE, place);
      return `Staff sign-in at ${place} is unlocked.`;
    },
  },
  'export-pack': {
    summary: 'write the content (bundled plus clinic changes) to one pack file',
    usage: 'export-pack --out FILE [--procedure ID] [--languages es,ar]',
    options: { out: { type: 'string', description: 'where to write the pack' }, procedure: { type: 'string', description: 'only this procedure' }, languages: { type: 'string', description: 'only these languages (comma-separated; English is always included)' } },
    async run(core, v) {
      if (typeof v.out !== 'string') throw new CliError('give --out FILE');
      const locales = typeof v.languages === 'string' ? v.languages.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
      const { pack } = core.packs.exportPackFile(CLI_ROLE, { procedureId: v.procedure as string | undefined, locales }, resolve(v.out));
      return `Wrote ${v.out}: ${pack.procedures.length} procedure(s), ${pack.locales.length} language(s), ${pack.texts.length} texts${pack.narrations?.length ? `, ${pack.narrations.length} recording(s)` : ''}.`;
    },
  },
  'import-pack': {
    summary: 'import a pack file (validated, trust-checked, one transaction after a restore point)',
    usage: 'import-pack --file FILE [--dry-run]',
    options: { file: { type: 'string', description: 'the pack file' }, 'dry-run': { type: 'boolean', description: 'only show what would change' } },
    async run(core, v) {
      const bytes = readFile(v.file, 'pack file');
      try {
        const summary = await core.packs.preview(bytes, String(v.file).split(/[\\/]/).pop() ?? 'pack');
        const lines = [`Pack: ${summary.description} (${summary.signature === 'trusted' ? `signed by trusted key ${summary.keyId}` : 'unsigned'})`, ...summary.languages.map((l) => `  ${l.locale.padEnd(8)} ${l.added} added, ${l.changed} changed, ${l.removed} removed`)];
        if (v['dry-run']) return [...lines, 'Dry run: nothing was changed.'].join('\n');
        const { versionId } = core.packs.apply(CLI_ROLE, summary.token);
        return [...lines, `Imported as content version ${versionId}.`].join('\n');
      } catch (e) {
        if (e instanceof PackRejected) throw new CliError(problemsText(e));
        throw e;
      }
    },
  },
  'verify-pack': {
    summary: 'check a pack file: format, content, illustrations and signature',
    usage: 'verify-pack --file FILE',
    options: { file: { type: 'string', description: 'the pack file' } },
    async run(core, v) {
      const check = checkPackFile(readFile(v.file, 'pack file'));
      if (!check.ok) throw new CliError(problemsText(new PackRejected(check.problems)));
      const audio = await narrationAudioProblems(check.pack);
      if (audio.length) throw new CliError(problemsText(new PackRejected(audio)));
      const sig = checkSignature(check.pack, core.settings.get().trustedKeys);
      if (sig.state === 'bad') throw new CliError(`the signature does not match the pack (key ${sig.keyId})`);
      return `The pack is valid: ${check.pack.texts.length} texts. Signature: ${sig.state}${'keyId' in sig ? ` (key ${sig.keyId})` : ''}.`;
    },
  },
  keygen: {
    summary: 'make an ed25519 key pair for signing packs',
    usage: 'keygen --out-dir DIR',
    options: { 'out-dir': { type: 'string', description: 'folder for pack-signing.key (keep secret) and pack-signing.pub' } },
    async run(_core, v) {
      const dir = typeof v['out-dir'] === 'string' ? v['out-dir'] : '.';
      const keys = generateSigningKeys();
      const priv = resolve(dir, 'pack-signing.key');
      if (existsSync(priv)) throw new CliError(`${priv} already exists; not overwriting a key`);
      writeFileSync(priv, keys.privateKeyPem, { mode: 0o600 });
      writeFileSync(resolve(dir, 'pack-signing.pub'), keys.publicKeyPem);
      return `Key ${keys.keyId}: private key ${priv} (keep it secret), public key ${resolve(dir, 'pack-signing.pub')} (add it to each kiosk's trusted keys).`;
    },
  },
  'sign-pack': {
    summary: 'sign a pack file with a private key, as a numbered release (kiosks refuse releases older than one they imported)',
    usage: 'sign-pack --file FILE --key KEYFILE --release N [--date YYYY-MM-DD] --out FILE',
    options: {
      file: { type: 'string', description: 'the pack file' },
      key: { type: 'string', description: 'the private key (from keygen)' },
      release: { type: 'string', description: 'the release number, higher than every earlier release signed with this key' },
      date: { type: 'string', description: 'the release date (default: today)' },
      out: { type: 'string', description: 'where to write the signed pack' },
    },
    async run(_core, v) {
      const check = checkPackFile(readFile(v.file, 'pack file'));
      if (!check.ok) throw new CliError(problemsText(new PackRejected(check.problems)));
      if (typeof v.out !== 'string') throw new CliError('give --out FILE');
      const number = Number(v.release);
      if (typeof v.release !== 'string' || !Number.isInteger(number) || number < 1 || number > 1_000_000_000) throw new CliError('give --release N, a whole number from 1, higher than the last release signed with this key');
      const date = typeof v.date === 'string' ? v.date : new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new CliError('--date must be a date such as 2026-12-01');
      const signed = signPack(check.pack, readFile(v.key, 'private key').toString('utf8'), { number, date });
      writeFileSync(v.out, JSON.stringify(signed, null, 1));
      return `Signed release ${number} (${date}) with key ${signed.signature?.keyId}: ${v.out}`;
    },
  },
  'export-site': {
    summary: 'write the take-home website (every enabled language) into a new or empty folder',
    usage: 'export-site --out DIR [--base-url URL]',
    options: {
      out: { type: 'string', description: 'a new or empty folder for the site' },
      'base-url': { type: 'string', description: 'where the site will be hosted (http:// or https://; default: the Settings value)' },
    },
    async run(core, v) {
      if (typeof v.out !== 'string' || !v.out) throw new CliError('give --out DIR (a new or empty folder)');
      const baseUrl = typeof v['base-url'] === 'string' ? v['base-url'] : core.settings.get().siteBaseUrl;
      if (!baseUrl) throw new CliError('give --base-url URL (where the site will be hosted), or set the website address in Settings');
      // Relative to the shell's folder, as any command's path.
      const result = await core.site.export(CLI_ROLE, resolve(v.out), baseUrl);
      return `Wrote the site to ${result.path}: ${result.files} files (${result.bytes} bytes), languages ${result.languages.join(', ')}. Check it with: cd ${result.path} && sha256sum -c SHA256SUMS`;
    },
  },
  backup: {
    summary: 'copy the local database to a file (safe while the kiosk runs)',
    usage: 'backup [--out FILE]',
    options: { out: { type: 'string', description: 'backup file (default: backups/ in the data folder)' } },
    async run(core, v) {
      const { path, bytes } = await core.backup.backup(CLI_ROLE, typeof v.out === 'string' ? resolve(v.out) : undefined);
      return `Backed up to ${path} (${bytes} bytes).`;
    },
  },
  restore: {
    summary: 'restore the local database from a backup file (a safety copy is made first)',
    usage: 'restore --file FILE',
    options: { file: { type: 'string', description: 'the backup file' } },
    async run(core, v) {
      readFile(v.file, 'backup file');
      const { safetyCopy } = await core.backup.restore(CLI_ROLE, resolve(String(v.file)));
      return `Restored from ${v.file}. The data before the restore was kept in ${safetyCopy}.`;
    },
  },
  stats: {
    summary: 'print the anonymous usage counts as CSV',
    usage: 'stats',
    options: {},
    async run(core) {
      const rows = core.usage.rows();
      return ['day,metric,dimension,count', ...rows.map((r) => `${r.day},${r.metric},${r.dimension},${r.count}`)].join('\n');
    },
  },
};

const commonOptions = {
  data: { type: 'string' as const, description: 'data folder (default: the OS user-data folder, or KIOSK_DATA_DIR)' },
  content: { type: 'string' as const, description: 'bundled content.db (default: resources/content.db)' },
  help: { type: 'boolean' as const, description: 'show help' },
};

function help(name?: string): string {
  const command = name ? commands[name] : undefined;
  if (command) {
    const opts = { ...command.options, ...commonOptions };
    return [`usage: npm run admin -- ${command.usage} [--data DIR]`, '', command.summary, '', ...Object.entries(opts).map(([k, o]) => `  --${k.padEnd(12)} ${o.description}`)].join('\n');
  }
  return ['usage: npm run admin -- <command> [options]', '', 'commands:', ...Object.entries(commands).map(([k, c]) => `  ${k.padEnd(14)} ${c.summary}`), '', 'Run "npm run admin -- <command> --help" for its options.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`admin: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options: { ...command.options, ...commonOptions }, allowPositionals: false }).values;
  } catch (e) {
    console.error(`admin ${name}: ${(e as Error).message}\n\n${help(name)}`);
    return 2;
  }
  if (values.help) {
    console.log(help(name));
    return 0;
  }
  const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  let runtime: KioskRuntime | undefined;
  try {
    // No watch folder: a command changes only what it says.
    runtime = createKioskRuntime({
      bundledContentPath: resolve(typeof values.content === 'string' ? values.content : resolve(root, 'resources', 'content.db')),
      uiStringsDir: resolve(root, 'resources', 'locales'),
      dataDir: resolve(typeof values.data === 'string' ? values.data : defaultDataDir()),
      appVersion: version,
    });
    for (const w of runtime.core.local.warnings) console.error(`admin: warning: ${w}`);
    console.log(await command.run(runtime.core, values));
    return 0;
  } catch (e) {
    const message = e instanceof CliError || e instanceof KioskError ? e.message : `${(e as Error).message}`;
    console.error(`admin ${name}: ${message}`);
    return 1;
  } finally {
    runtime?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
