/**
 * Where the take-home website may be written: the full path of a folder on the computer the
 * kiosk runs on. The contract's pattern accepts both systems' forms (/media/usb/take-home,
 * D:\take-home); core decides by the computer's own rule, so a Windows path typed on a Linux
 * kiosk (or the other way round) is refused instead of landing beside the running program.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KioskError } from '../../electron/shared/errors';
import { openTestCore } from '../fixtures/core';
import { removeTempDirs, tempDir } from '../fixtures/content';

afterAll(removeTempDirs);

const baseUrl = 'https://clinic.example/take-home/';

async function refusal(outDir: string): Promise<KioskError> {
  const { core } = openTestCore();
  const error = await core.site.export('admin', outDir, baseUrl).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `export to ${outDir}`).toBeInstanceOf(KioskError);
  return error as KioskError;
}

describe('take-home site export folder', () => {
  const otherSystems = process.platform === 'win32' ? ['/media/usb/take-home'] : ['E:\\take-home', 'D:/take-home', '\\\\server\\share\\take-home'];
  it.each([...otherSystems, 'take-home', './usb/take-home'])('refuses %s, which is not a full path here, and writes nothing', async (outDir) => {
    const before = readdirSync(process.cwd()).sort();
    const error = await refusal(outDir);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('outDir');
    expect(error.message).toBe(`The site was not written: "${outDir}" is not the full path of a folder on this computer.`);
    expect(readdirSync(process.cwd()).sort()).toEqual(before);
  });

  it('writes the site into a full path', async () => {
    const { core } = openTestCore();
    const outDir = join(tempDir('kiosk-site-'), 'take-home');
    const result = await core.site.export('admin', outDir, baseUrl);
    expect(result.path).toBe(outDir);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'SHA256SUMS'))).toBe(true);
  });
});
