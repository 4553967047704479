/**
 * The built-in voice: eSpeak NG (GPL-3.0) run as a separate program, never linked. The text
 * goes in on stdin (never on the command line, where other users could see it in the process
 * list) and one WAV file comes back on stdout. At most `maxProcesses` run at once, each with a
 * time limit; a missing or broken program is reported, never thrown at a patient.
 */
import { spawn } from 'node:child_process';
import { KioskError } from '../shared/errors';

export interface EspeakStatus {
  available: boolean;
  version: string | null;
  /** Voice names this program has (from --voices). */
  voices: Set<string>;
  /** Why it cannot speak, for staff; null when it can. */
  problem: string | null;
}

export interface EspeakOptions {
  /** The program to run: "espeak-ng" (found on PATH) or a full path. */
  command: string;
  maxProcesses?: number;
  /** Requests waiting for a free process beyond this are refused. */
  maxQueued?: number;
  timeoutMs?: number;
}

interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  error: NodeJS.ErrnoException | null;
  timedOut: boolean;
  /** Stopped by us because its output passed MAX_OUTPUT_BYTES. */
  tooLarge: boolean;
}

/** Ended by a signal it did not get from us (a crash, or killed by something else on the machine). */
const crashed = (r: RunResult) => r.code === null && !r.error && !r.timedOut && !r.tooLarge;

const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export class Espeak {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private probe: Promise<EspeakStatus> | null = null;
  private readonly maxProcesses: number;
  private readonly maxQueued: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: EspeakOptions) {
    this.maxProcesses = options.maxProcesses ?? 2;
    this.maxQueued = options.maxQueued ?? 64;
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  get command(): string {
    return this.options.command;
  }

  /** Asks the program for its version and voices, once (again after a failure, see `forget`). */
  status(): Promise<EspeakStatus> {
    this.probe ??= this.runProbe();
    return this.probe;
  }

  /** Forgets the last probe, so the next status() asks the program again. */
  forget(): void {
    this.probe = null;
  }

  /** Synthesises one text with one voice; resolves to a WAV file with correct sizes in its header. */
  async synthesize(text: string, voice: string, wordsPerMinute: number): Promise<Buffer> {
    const args = ['-v', voice, '-s', String(wordsPerMinute), '-b', '1', '--stdin', '--stdout'];
    let r = await this.run(args, text);
    // One crash may be the machine's doing (memory pressure, a stray signal): try once more
    // before the voice is reported broken and patients lose Listen.
    if (crashed(r)) r = await this.run(args, text);
    if (r.error || r.timedOut || r.code !== 0 || r.stdout.length <= 44) {
      this.forget();
      throw new KioskError('UNAVAILABLE', `The built-in voice could not speak this (${describeFailure(this.command, r)}).`);
    }
    return fixWavHeader(r.stdout);
  }

  private async runProbe(): Promise<EspeakStatus> {
    const none = (problem: string): EspeakStatus => ({ available: false, version: null, voices: new Set(), problem });
    const v = await this.run(['--version'], '');
    if (v.error || v.timedOut || v.code !== 0) return none(describeFailure(this.command, v));
    const version = /eSpeak NG text-to-speech:\s*([\d.]+)/.exec(v.stdout.toString('utf8'))?.[1] ?? null;
    if (!version) return none(`"${this.command}" answered --version, but not as eSpeak NG does`);
    const list = await this.run(['--voices'], '');
    if (list.error || list.timedOut || list.code !== 0) return none(describeFailure(this.command, list));
    const voices = new Set<string>();
    for (const line of list.stdout.toString('utf8').split('\n').slice(1)) {
      const name = line.trim().split(/\s+/)[1];
      if (name) voices.add(name);
    }
    return { available: true, version, voices, problem: null };
  }

  private async run(args: string[], input: string): Promise<RunResult> {
    await this.acquire();
    try {
      return await new Promise<RunResult>((resolve) => {
        const child = spawn(this.command, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, shell: false });
        const out: Buffer[] = [];
        let size = 0;
        let stderr = '';
        let error: NodeJS.ErrnoException | null = null;
        let timedOut = false;
        let tooLarge = false;
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, this.timeoutMs);
        child.stdout.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_OUTPUT_BYTES) {
            tooLarge = true;
            child.kill('SIGKILL');
          }
          else out.push(chunk);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          if (stderr.length < 2000) stderr += chunk.toString('utf8');
        });
        child.stdin.on('error', () => undefined);
        child.on('error', (e) => {
          error = e;
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout: Buffer.concat(out), stderr, error, timedOut, tooLarge });
        });
        child.stdin.end(input, 'utf8');
      });
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxProcesses) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) return Promise.reject(new KioskError('UNAVAILABLE', 'The built-in voice is busy; try again in a moment.'));
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

function describeFailure(command: string, r: RunResult): string {
  if (r.error?.code === 'ENOENT') return `the program "${command}" was not found; install the espeak-ng package or set KIOSK_ESPEAK_NG to its path`;
  if (r.error) return `"${command}" could not be started: ${r.error.code ?? r.error.message}`;
  if (r.timedOut) return `"${command}" did not finish in time`;
  if (r.tooLarge) return `"${command}" produced more than ${MAX_OUTPUT_BYTES / 2 ** 20} MB of audio`;
  if (r.code !== 0) return `"${command}" stopped with ${r.code === null ? 'a crash' : `exit code ${r.code}`}${r.stderr.trim() ? `: ${r.stderr.trim().split('\n')[0]}` : ''}`;
  return `"${command}" produced no audio`;
}

/**
 * eSpeak NG writes its WAV to a pipe, so it cannot go back and fill in the sizes: the header
 * says "about 2 GB". Browsers then wait for data that never comes. Writes the real sizes.
 */
export function fixWavHeader(wav: Buffer): Buffer {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new KioskError('UNAVAILABLE', 'The built-in voice produced something that is not a WAV file.');
  const out = Buffer.from(wav);
  out.writeUInt32LE(out.length - 8, 4);
  let offset = 12;
  while (offset + 8 <= out.length) {
    const id = out.toString('ascii', offset, offset + 4);
    if (id === 'data') {
      out.writeUInt32LE(out.length - offset - 8, offset + 4);
      return out;
    }
    offset += 8 + out.readUInt32LE(offset + 4);
  }
  throw new KioskError('UNAVAILABLE', 'The built-in voice produced a WAV file without audio data.');
}

/** Length of a PCM WAV file in milliseconds (after fixWavHeader). */
export function wavDurationMs(wav: Buffer): number {
  const byteRate = wav.readUInt32LE(28);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'data') return byteRate > 0 ? Math.round((Math.min(size, wav.length - offset - 8) / byteRate) * 1000) : 0;
    offset += 8 + size;
  }
  return 0;
}
