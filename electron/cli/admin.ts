/**
 * `npm run admin -- <command> [options]`: offline administration from a terminal.
 * Every command prints --help, and exits non-zero with a clear message on error.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { openKioskCore, type KioskCore } from '../core/kiosk-core';
import { defaultDataDir } from '../core/data-dir';
import { pinSchema, staffRole } from '../shared/staff';
import { KioskError } from '../shared/errors';

const root = resolve(import.meta.dirname, '..', '..');

export class CliError extends Error {}

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

export const commands: Record<string, Command> = {
  'set-pin': {
    summary: 'set the nurse or admin PIN (4 to 8 digits; asked for, never passed as an argument)',
    usage: 'set-pin --role nurse|admin',
    options: { role: { type: 'string', description: 'nurse or admin' } },
    async run(core, values) {
      const role = staffRole.safeParse(values.role);
      if (!role.success) throw new CliError('--role must be "nurse" or "admin"');
      const pin = await readPin(`New ${role.data} PIN (4 to 8 digits): `);
      const valid = pinSchema.safeParse(pin);
      if (!valid.success) throw new CliError('a PIN is 4 to 8 digits; nothing was changed');
      core.staff.setPin(role.data, valid.data);
      return `The ${role.data} PIN is set.`;
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
  let core: KioskCore | undefined;
  try {
    core = openKioskCore({
      bundledContentPath: resolve(typeof values.content === 'string' ? values.content : resolve(root, 'resources', 'content.db')),
      dataDir: resolve(typeof values.data === 'string' ? values.data : defaultDataDir()),
      appVersion: version,
    });
    for (const w of core.local.warnings) console.error(`admin: warning: ${w}`);
    console.log(await command.run(core, values));
    return 0;
  } catch (e) {
    const message = e instanceof CliError || e instanceof KioskError ? e.message : `${(e as Error).message}`;
    console.error(`admin ${name}: ${message}`);
    return 1;
  } finally {
    core?.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
