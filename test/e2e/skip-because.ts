/**
 * The one way an e2e test is skipped: with its reason printed in the run's output (the list
 * reporter shows a skip but not why), and recorded as the skip's annotation.
 */
import { test } from '@playwright/test';

/** Skips the running test (or, from a beforeEach, each test) when `reason` is not null. */
export function skipBecause(reason: string | null): void {
  if (reason === null) return;
  console.log(`skipped: ${test.info().titlePath.slice(1).join(' › ')}: ${reason}`);
  test.skip(true, reason);
}
