/** Anonymous daily usage counts: (day, metric, dimension) → count. */
import { perConnection } from './per-connection';

export interface UsageRow {
  day: string;
  metric: string;
  dimension: string;
  count: number;
}

export const usageRepo = perConnection((db) => {
  const increment = db.prepare<[day: string, metric: string, dimension: string]>(
    `INSERT INTO usage_counts (day, metric, dimension, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, metric, dimension) DO UPDATE SET count = count + 1`,
  );
  const all = db.prepare<[], UsageRow>('SELECT day, metric, dimension, count FROM usage_counts ORDER BY day, metric, dimension');
  return {
    /** Adds one to a day's count of a metric and dimension. */
    increment: (day: string, metric: string, dimension: string): void => void increment.run(day, metric, dimension),
    /** Every count, by day, metric and dimension. */
    all: (): UsageRow[] => all.all(),
  };
});
