/** Writing the take-home website for an admin (screen or CLI): the export and its audit entry, in one place. */
import { isAbsolute } from 'node:path';
import { KioskError } from '../shared/errors';
import type { AuditLog } from './audit-log';
import type { ContentService } from './content-service';
import type { SettingsService } from './settings-service';
import type { SiteExportResult } from './site-export';

export class TakeHomeSite {
  constructor(
    private readonly deps: { content: ContentService; settings: SettingsService; audit: AuditLog; uiStringsDir: string; contentHash: string },
  ) {}

  /** Writes the site into `outDir` (new or empty) for `baseUrl`, by default the address saved in Settings, and audits it as `role`'s. */
  async export(role: string, outDir: string, baseUrl?: string): Promise<SiteExportResult> {
    // The contract's pattern accepts the full path of either system (/media/usb, D:\\take-home);
    // the computer's own rule decides (a D:\\ path on Linux would land beside the running program).
    if (!isAbsolute(outDir)) throw new KioskError('INVALID_INPUT', `The site was not written: "${outDir}" is not the full path of a folder on this computer.`, 'outDir');
    const settings = this.deps.settings.get();
    const base = baseUrl ?? settings.siteBaseUrl;
    if (!base) throw new KioskError('INVALID_INPUT', 'The site was not written: set the website address in Settings and save it first.', 'baseUrl');
    // Loaded on first use: its Markdown pipeline would add a few hundred ms to every start.
    const { exportSite } = await import('./site-export');
    const result = exportSite({ content: this.deps.content, settings, uiStringsDir: this.deps.uiStringsDir, baseUrl: base, contentHash: this.deps.contentHash, outDir });
    this.deps.audit.record(role, 'export-site', result.path, null, null);
    return result;
  }
}
