import { callApi } from './client';
import type { CallInput } from '../../../electron/shared/contract';

/**
 * Anonymous usage counts (what was viewed or answered, never who). Failures never bother a
 * patient. The count is sent after the next frame is painted: sending a request takes the
 * page a few milliseconds (about a fifth of a language switch on a slow CPU), which the
 * patient's touch should not wait for.
 */
export function recordUsage(event: CallInput<'recordUsage'>['event'], id?: string): void {
  const input: CallInput<'recordUsage'> = id === undefined ? { event } : { event, id };
  const send = () => void callApi('recordUsage', input).catch(() => undefined);
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return send();
  // After the frame: a task queued from the frame callback runs once it has been painted.
  requestAnimationFrame(() => setTimeout(send, 0));
}
