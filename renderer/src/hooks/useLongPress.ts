import { useRef } from 'react';

/** Pointer handlers that call `action` after the pointer is held for `ms` without moving away. */
export function useLongPress(action: () => void, ms = 3000) {
  const timer = useRef<number | null>(null);
  const cancel = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  return {
    onPointerDown: () => {
      cancel();
      timer.current = window.setTimeout(() => {
        timer.current = null;
        action();
      }, ms);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
    onContextMenu: (e: { preventDefault: () => void }) => e.preventDefault(),
  };
}
