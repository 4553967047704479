/** The admin audit log: who (role), when, what, and hashes of the state before and after. */
import type { Db } from '../../db/connection';
import { auditRepo, type AuditRow } from '../../db/repos/audit';
import { sha256 } from '../../db/canonical-json';
import { KioskError } from '../shared/errors';

export type AuditEntry = AuditRow;

export const hashOf = (value: unknown): string | null => (value === null || value === undefined ? null : sha256(typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 16));

export class AuditLog {
  constructor(
    private readonly db: Db | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(role: string, action: string, target: string, before: unknown, after: unknown): void {
    if (!this.db) throw new KioskError('READ_ONLY', 'The local database cannot be written, so the change was not saved.');
    auditRepo(this.db).insert({ at: this.now().toISOString(), role, action, target, beforeHash: hashOf(before), afterHash: hashOf(after) });
  }

  list(limit = 500): AuditEntry[] {
    return this.db ? auditRepo(this.db).newest(limit) : [];
  }
}

/** RFC 4180 CSV: every field quoted, quotes doubled. */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
