/**
 * The main process's log: rotating files in <data dir>/logs, written with electron-log's
 * Node build (its Electron build registers IPC channels of its own, which we never allow).
 * Log lines carry an event name and a few scalar fields chosen by the shell; nothing a patient
 * or nurse typed is ever passed in, and errors from calls are logged without their message.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import electronLog from 'electron-log/node';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface KioskLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_FILES_KEPT = 5;

/** main.log -> main.1.log -> ... -> main.<keep>.log; the oldest is deleted. */
export function rotateLogFiles(file: string, keep: number = LOG_FILES_KEPT): void {
  const { dir, name, ext } = parse(file);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  if (existsSync(file)) renameSync(file, numbered(1));
}

/**
 * What may be logged about an error. `withMessage: false` for errors raised while handling a
 * call, whose message could quote what was typed; the name and stack frames still say where.
 */
export function describeError(e: unknown, { withMessage }: { withMessage: boolean }): LogFields {
  if (!(e instanceof Error)) return { errorType: typeof e };
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8).map((l) => l.trim()).join(' | ');
  const code = (e as { code?: unknown }).code;
  return {
    errorName: e.name,
    ...(typeof code === 'string' ? { errorCode: code } : {}),
    ...(withMessage ? { errorMessage: e.message.slice(0, 500) } : {}),
    stack: frames,
  };
}

function format(event: string, fields?: LogFields): string {
  const parts = Object.entries(fields ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return parts.length ? `${event} ${parts.join(' ')}` : event;
}

export interface FileLog {
  logger: KioskLogger;
  /** The current log file (shown to staff and IT). */
  file: string;
}

/** Opens <dataDir>/logs/main.log (rotating at 1 MB, five old files kept). */
export function openFileLogger(dataDir: string, { console: toConsole = true }: { console?: boolean } = {}): FileLog {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'main.log');
  const log = electronLog.create({ logId: `kiosk-main:${file}` });
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (old) => rotateLogFiles(old.path);
  log.transports.file.level = 'info';
  log.transports.console.level = toConsole ? 'info' : false;
  // Never to a renderer or over the network (the Node build may not even create these).
  for (const name of ['ipc', 'remote']) {
    const transport = log.transports[name];
    if (transport) transport.level = false;
  }
  return {
    file,
    logger: {
      info: (event, fields) => log.info(format(event, fields)),
      warn: (event, fields) => log.warn(format(event, fields)),
      error: (event, fields) => log.error(format(event, fields)),
    },
  };
}
