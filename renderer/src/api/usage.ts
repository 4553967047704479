import { callApi } from './client';
import type { CallInput } from '../../../electron/shared/contract';

/** Anonymous usage counts (what was viewed or answered, never who). Failures never bother a patient. */
export function recordUsage(event: CallInput<'recordUsage'>['event'], id?: string): void {
  void callApi('recordUsage', id === undefined ? { event } : { event, id }).catch(() => undefined);
}
