/** Logs: in <data dir>/logs, rotating, and errors from calls logged without their message. */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError, LOG_FILES_KEPT, openFileLogger, rotateLogFiles } from '../../electron/main/logging';
import { removeTempDirs, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);

describe('openFileLogger', () => {
  it('writes one line per event with scalar fields to <data dir>/logs/main.log', () => {
    const dataDir = tempDir('kiosk-log-');
    const { logger, file } = openFileLogger(dataDir, { console: false });
    expect(file).toBe(join(dataDir, 'logs', 'main.log'));
    logger.info('kiosk starting', { version: '1.2.3', kioskMode: true });
    logger.error('renderer gone; reloading the attract screen', { reason: 'crashed', exitCode: 139 });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\[info\]\s+kiosk starting version="1.2.3" kioskMode=true/);
    expect(text).toMatch(/\[error\]\s+renderer gone; reloading the attract screen reason="crashed" exitCode=139/);
  });

  it('rotates past 1 MB and keeps five old files', () => {
    const dataDir = tempDir('kiosk-log-rotate-');
    const { logger, file } = openFileLogger(dataDir, { console: false });
    const big = 'x'.repeat(300_000);
    for (let i = 0; i < 40; i++) logger.info('filler', { i, big });
    const names = readdirSync(join(dataDir, 'logs')).sort();
    expect(names).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.4.log', 'main.5.log', 'main.log']);
    expect(readFileSync(file).length).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('rotateLogFiles', () => {
  it('shifts main.log to main.1.log and drops the oldest', () => {
    const dir = tempDir('kiosk-rotate-');
    const file = join(dir, 'main.log');
    for (let n = 1; n <= LOG_FILES_KEPT; n++) writeFileSync(join(dir, `main.${n}.log`), `old ${n}`);
    writeFileSync(file, 'current');
    rotateLogFiles(file);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('current');
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('old 1');
    expect(readFileSync(join(dir, `main.${LOG_FILES_KEPT}.log`), 'utf8')).toBe(`old ${LOG_FILES_KEPT - 1}`);
    expect(readdirSync(dir)).toHaveLength(LOG_FILES_KEPT);
  });
});

describe('describeError', () => {
  it('keeps the name and stack frames; the message only when asked', () => {
    const e = new Error('could not print for Zebulon Quartermaine');
    const without = describeError(e, { withMessage: false });
    expect(without.errorName).toBe('Error');
    expect(String(without.stack)).toMatch(/at /);
    expect(JSON.stringify(without)).not.toContain('Zebulon');
    expect(describeError(e, { withMessage: true }).errorMessage).toContain('Zebulon');
    expect(describeError('a string', { withMessage: true })).toEqual({ errorType: 'string' });
  });
});
