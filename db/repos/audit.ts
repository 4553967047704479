/** The admin audit log table. */
import { perConnection } from './per-connection';

export interface AuditRow {
  id: number;
  at: string;
  role: string;
  action: string;
  target: string;
  beforeHash: string | null;
  afterHash: string | null;
}

export const auditRepo = perConnection((db) => {
  const insert = db.prepare<Omit<AuditRow, 'id'>>(
    'INSERT INTO audit_log (at, role, action, target, before_hash, after_hash) VALUES (@at, @role, @action, @target, @beforeHash, @afterHash)',
  );
  const newest = db.prepare<[limit: number], AuditRow>(
    'SELECT id, at, role, action, target, before_hash AS beforeHash, after_hash AS afterHash FROM audit_log ORDER BY id DESC LIMIT ?',
  );
  return {
    insert: (entry: Omit<AuditRow, 'id'>): void => void insert.run(entry),
    /** The newest `limit` entries, newest first. */
    newest: (limit: number): AuditRow[] => newest.all(limit),
  };
});
