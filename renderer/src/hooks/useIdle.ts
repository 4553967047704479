import { useEffect, useRef, useState } from 'react';
import { idlePhase, type IdlePhase } from '../state/idle-phase';

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Watches for touches and keys. Returns the idle phase and a `stillHere` action; calls
 * `onExpire` once when the warning runs out. Disabled while `enabled` is false.
 */
export function useIdle(options: { idleMs: number; warnMs: number; enabled: boolean; onExpire: () => void; busy?: boolean }): { idle: IdlePhase; stillHere: () => void } {
  const last = useRef(Date.now());
  // While busy (reading aloud), the patient is listening: that counts as activity.
  const busy = useRef(false);
  busy.current = options.busy ?? false;
  const [idle, setIdle] = useState<IdlePhase>({ phase: 'active' });
  const { idleMs, warnMs, enabled, onExpire } = options;
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (!enabled) {
      setIdle({ phase: 'active' });
      return;
    }
    last.current = Date.now();
    const touch = () => {
      // During the warning only the dialog's button continues (one deliberate tap).
      if (idlePhase(last.current, Date.now(), idleMs, warnMs).phase === 'active') last.current = Date.now();
    };
    for (const e of activityEvents) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      // Not during the warning: then only the dialog's button continues.
      if (busy.current && idlePhase(last.current, Date.now(), idleMs, warnMs).phase !== 'warning') last.current = Date.now();
      const phase = idlePhase(last.current, Date.now(), idleMs, warnMs);
      setIdle((prev) => (prev.phase === phase.phase && (prev.phase !== 'warning' || prev.secondsLeft === (phase as { secondsLeft: number }).secondsLeft) ? prev : phase));
      if (phase.phase === 'expired') {
        last.current = Date.now();
        expire.current();
      }
    }, 250);
    return () => {
      for (const e of activityEvents) window.removeEventListener(e, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [enabled, idleMs, warnMs]);

  return {
    idle,
    stillHere: () => {
      last.current = Date.now();
      setIdle({ phase: 'active' });
    },
  };
}
