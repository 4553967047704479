/**
 * The one way an e2e test is skipped: with its reason printed in the run's output (the list
 * reporter shows a skip but not why), and recorded as the skip's annotation.
 */
import { test } from '@playwright/test';

/** Prints why the running test is skipped, next to its title in the run's output. */
function printReason(reason: string): void {
  console.log(`skipped: ${test.info().titlePath.slice(1).join(' › ')}: ${reason}`);
}

/** Skips the running test (or, from a beforeEach, each test) when `reason` is not null, printing the reason. */
export function skipBecause(reason: string | null): void {
  const cannotRun = reason !== null;
  if (cannotRun) printReason(reason);
  test.skip(cannotRun, reason ?? undefined);
}
