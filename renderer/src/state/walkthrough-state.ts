/** Walkthrough navigation: four steps plus a closing screen leading to the quiz. */
export type StepMove = 'next' | 'previous';

/** The step after a move; `total` is the closing screen (index === number of steps). */
export function moveStep(current: number, move: StepMove, steps: number): number {
  const last = steps; // the closing screen
  return move === 'next' ? Math.min(current + 1, last) : Math.max(current - 1, 0);
}

/** Arrow keys follow reading direction: in right-to-left languages, left is "next". */
export function moveForKey(key: string, direction: 'ltr' | 'rtl'): StepMove | null {
  if (key === 'ArrowRight') return direction === 'ltr' ? 'next' : 'previous';
  if (key === 'ArrowLeft') return direction === 'ltr' ? 'previous' : 'next';
  if (key === 'PageDown') return 'next';
  if (key === 'PageUp') return 'previous';
  return null;
}

/** A horizontal swipe of at least `threshold` px that is mostly horizontal. */
export function moveForSwipe(dx: number, dy: number, direction: 'ltr' | 'rtl', threshold = 60): StepMove | null {
  if (Math.abs(dx) < threshold || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
  const towardsStart = dx > 0; // finger moved right
  if (direction === 'ltr') return towardsStart ? 'previous' : 'next';
  return towardsStart ? 'next' : 'previous';
}
