/** The admin audit log: who (role), when, what, and hashes of the state before and after. */
import type { Db } from '../../db/connection';
import { sha256 } from '../../db/canonical-json';
import { KioskError } from '../shared/errors';

export interface AuditEntry {
  id: number;
  at: string;
  role: string;
  action: string;
  target: string;
  beforeHash: string | null;
  afterHash: string | null;
}

export const hashOf = (value: unknown): string | null => (value === null || value === undefined ? null : sha256(typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 16));

export class AuditLog {
  constructor(
    private readonly db: Db | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(role: string, action: string, target: string, before: unknown, after: unknown): void {
    if (!this.db) throw new KioskError('READ_ONLY', 'The local database cannot be written, so the change was not saved.');
    this.db
      .prepare('INSERT INTO audit_log (at, role, action, target, before_hash, after_hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), role, action, target, hashOf(before), hashOf(after));
  }

  list(limit = 500): AuditEntry[] {
    if (!this.db) return [];
    return (this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as Record<string, unknown>[]).map((r) => ({
      id: r.id as number,
      at: r.at as string,
      role: r.role as string,
      action: r.action as string,
      target: r.target as string,
      beforeHash: r.before_hash as string | null,
      afterHash: r.after_hash as string | null,
    }));
  }
}

/** RFC 4180 CSV: every field quoted, quotes doubled. */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
