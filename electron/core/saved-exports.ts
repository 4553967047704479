/** Exports (packs, audit-log and usage CSV) an admin saves into the data folder's exports/ folder, each recorded in the audit log. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditLog } from './audit-log';

export const EXPORTS_DIR = 'exports';

export class SavedExports {
  constructor(
    private readonly dataDir: string,
    private readonly audit: AuditLog,
  ) {}

  /** Writes `content` as exports/<fileName> (a plain name, checked by the contract) and audits it as `role`'s. */
  save(role: string, fileName: string, content: string): { path: string } {
    const dir = join(this.dataDir, EXPORTS_DIR);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, fileName);
    writeFileSync(path, content);
    this.audit.record(role, 'save-export', fileName, null, content);
    return { path };
  }
}
