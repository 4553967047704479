/**
 * Staff PINs: 4 to 8 digits, stored only as salted scrypt hashes. Five wrong PINs lock
 * sign-in for five minutes (kept in the database, so a restart does not reset it).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connection';
import { KioskError } from '../shared/errors';
import type { StaffRole } from '../shared/staff';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): { hash: string; salt: string; params: string } {
  const { N, r, p, keylen } = SCRYPT;
  const hash = scryptSync(pin, salt, keylen, { N, r, p });
  return { hash: hash.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify(SCRYPT) };
}

function pinMatches(pin: string, row: { hash: string; salt: string; params: string }): boolean {
  const { N, r, p, keylen } = JSON.parse(row.params) as typeof SCRYPT;
  const expected = Buffer.from(row.hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(row.salt, 'base64'), keylen, { N, r, p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export class StaffAuth {
  constructor(
    private readonly db: Db | null,
    private readonly now: () => number = Date.now,
  ) {}

  private requireDb(): Db {
    if (!this.db) throw new KioskError('READ_ONLY', 'Staff sign-in is unavailable because the local database cannot be opened. Ask IT to check the data folder.');
    return this.db;
  }

  pinsSet(): Record<StaffRole, boolean> {
    const rows = this.db ? (this.db.prepare('SELECT role FROM staff_pins').all() as { role: StaffRole }[]) : [];
    return { nurse: rows.some((r) => r.role === 'nurse'), admin: rows.some((r) => r.role === 'admin') };
  }

  lockedUntil(): number | null {
    if (!this.db) return null;
    const row = this.db.prepare('SELECT locked_until FROM staff_lockout WHERE id = 1').get() as { locked_until: string | null } | undefined;
    const until = row?.locked_until ? Date.parse(row.locked_until) : null;
    return until && until > this.now() ? until : null;
  }

  setPin(role: StaffRole, pin: string): void {
    const db = this.requireDb();
    const other = db.prepare('SELECT hash, salt, params FROM staff_pins WHERE role = ?').get(role === 'nurse' ? 'admin' : 'nurse') as
      | { hash: string; salt: string; params: string }
      | undefined;
    if (other && pinMatches(pin, other)) throw new KioskError('INVALID_INPUT', 'The nurse and admin PINs must be different.', 'pin');
    const h = hashPin(pin);
    db.prepare(
      `INSERT INTO staff_pins (role, hash, salt, params, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (role) DO UPDATE SET hash = excluded.hash, salt = excluded.salt, params = excluded.params, updated_at = excluded.updated_at`,
    ).run(role, h.hash, h.salt, h.params, new Date(this.now()).toISOString());
  }

  /** Returns the role whose PIN this is; throws UNAUTHORIZED or LOCKED_OUT. */
  signIn(pin: string): StaffRole {
    const db = this.requireDb();
    const locked = this.lockedUntil();
    if (locked) throw this.lockedError(locked);
    const rows = db.prepare('SELECT role, hash, salt, params FROM staff_pins').all() as { role: StaffRole; hash: string; salt: string; params: string }[];
    if (!rows.length) throw new KioskError('UNAUTHORIZED', 'No staff PIN is set yet. Set one with "npm run admin -- set-pin --role nurse" (or --role admin).');
    const match = rows.find((r) => pinMatches(pin, r));
    if (match) {
      db.prepare('UPDATE staff_lockout SET failures = 0, locked_until = NULL WHERE id = 1').run();
      return match.role;
    }
    const failures = (db.prepare('SELECT failures FROM staff_lockout WHERE id = 1').get() as { failures: number }).failures + 1;
    if (failures >= MAX_FAILURES) {
      const until = this.now() + LOCKOUT_MS;
      db.prepare('UPDATE staff_lockout SET failures = 0, locked_until = ? WHERE id = 1').run(new Date(until).toISOString());
      throw this.lockedError(until);
    }
    db.prepare('UPDATE staff_lockout SET failures = ? WHERE id = 1').run(failures);
    const left = MAX_FAILURES - failures;
    throw new KioskError('UNAUTHORIZED', `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before staff sign-in is locked for 5 minutes.`, 'pin');
  }

  private lockedError(until: number): KioskError {
    const minutes = Math.max(1, Math.ceil((until - this.now()) / 60000));
    return new KioskError('LOCKED_OUT', `Too many wrong PINs. Staff sign-in is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`);
  }
}
