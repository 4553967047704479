/** Anonymous daily counters: a metric, a dimension such as a language, and a count. Nothing else. */
import type { Db } from '../../db/connection';
import { usageRepo, type UsageRow } from '../../db/repos/usage';
import type { PrintedPages } from '../shared/printing';

/** Public usage events a window (or, in all, the kiosk) may record per minute; more are not counted. */
export const USAGE_EVENTS_PER_MINUTE = { perSession: 30, total: 120 };

/** Counts events in fixed one-minute windows, per key and in total. */
export class UsageRateLimit {
  private window = -1;
  private total = 0;
  private perKey = new WeakMap<object, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether one more event from `key` may be counted now. */
  allow(key: object): boolean {
    const w = Math.floor(this.now() / 60_000);
    if (w !== this.window) {
      this.window = w;
      this.total = 0;
      this.perKey = new WeakMap();
    }
    const mine = this.perKey.get(key) ?? 0;
    if (mine >= USAGE_EVENTS_PER_MINUTE.perSession || this.total >= USAGE_EVENTS_PER_MINUTE.total) return false;
    this.perKey.set(key, mine + 1);
    this.total += 1;
    return true;
  }
}

export class UsageCounter {
  constructor(
    private readonly db: Db | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private today(): string {
    const d = this.now();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  /** Counting never blocks a patient: a read-only or missing database just skips it. */
  increment(metric: string, dimension = ''): void {
    if (!this.db) return;
    try {
      usageRepo(this.db).increment(this.today(), metric, dimension);
    } catch {
      /* read-only or full disk: counts are best effort */
    }
  }

  /**
   * The counts of one print, the same for the desktop app's print and web mode's browser print:
   * a sheet counts in its language (and its second language), the wallet card in the sheet's language.
   */
  recordPrint({ locale, secondLocale, sheet, card }: PrintedPages): void {
    if (sheet) this.increment('sheet_printed', locale);
    if (sheet && secondLocale) this.increment('sheet_printed_second_language', secondLocale);
    if (card) this.increment('card_printed', locale);
  }

  rows(): UsageRow[] {
    return this.db ? usageRepo(this.db).all() : [];
  }
}
