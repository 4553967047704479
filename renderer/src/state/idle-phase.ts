/**
 * Idle timing (WCAG 2.2.1): after `idleMs` without a touch the patient is asked "Still
 * there?" and has `warnMs` (at least 20 s) to continue with one tap; then the kiosk resets.
 */
export const MIN_WARNING_MS = 20_000;

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; secondsLeft: number } | { phase: 'expired' };

export function idlePhase(lastActivity: number, now: number, idleMs: number, warnMs: number): IdlePhase {
  const warning = Math.max(warnMs, MIN_WARNING_MS);
  const idle = now - lastActivity;
  if (idle < idleMs) return { phase: 'active' };
  if (idle < idleMs + warning) return { phase: 'warning', secondsLeft: Math.ceil((idleMs + warning - idle) / 1000) };
  return { phase: 'expired' };
}
