/** Anonymous daily counters: a metric, a dimension such as a language, and a count. Nothing else. */
import type { Db } from '../../db/connection';

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
      this.db
        .prepare(
          `INSERT INTO usage_counts (day, metric, dimension, count) VALUES (?, ?, ?, 1)
           ON CONFLICT (day, metric, dimension) DO UPDATE SET count = count + 1`,
        )
        .run(this.today(), metric, dimension);
    } catch {
      /* read-only or full disk: counts are best effort */
    }
  }

  rows(): { day: string; metric: string; dimension: string; count: number }[] {
    if (!this.db) return [];
    return this.db.prepare('SELECT day, metric, dimension, count FROM usage_counts ORDER BY day, metric, dimension').all() as {
      day: string;
      metric: string;
      dimension: string;
      count: number;
    }[];
  }
}
