/** Where a text key belongs and how it is shown to patients, from its prefix. */
import type { AdminTextItem } from '../../../../electron/shared/admin-types';
import type { MatrixCell } from '../../../../electron/shared/admin-types';

/** procedure, topic.<id>, step, illustration, glossary, quiz, discharge or card. */
export function areaOf(key: string): string {
  const [first, second] = key.split('.');
  return first === 'topic' && second ? `topic.${second}` : (first ?? key);
}

export interface Area {
  id: string;
  items: AdminTextItem[];
}

/** Items grouped by area, in the order the content lists them. */
export function groupByArea(items: AdminTextItem[]): Area[] {
  const areas = new Map<string, AdminTextItem[]>();
  for (const item of items) {
    const id = areaOf(item.key);
    const list = areas.get(id) ?? [];
    list.push(item);
    areas.set(id, list);
  }
  return [...areas].map(([id, list]) => ({ id, items: list }));
}

export type StatusFilter = 'all' | MatrixCell | 'changed';

export function cellOf(item: AdminTextItem): MatrixCell {
  return item.text === null ? 'missing' : (item.status ?? 'draft');
}

export function matches(item: AdminTextItem, words: string, status: StatusFilter): boolean {
  if (status === 'changed' && !item.changedByClinic) return false;
  if (status !== 'all' && status !== 'changed' && cellOf(item) !== status) return false;
  const q = words.trim().toLowerCase();
  if (!q) return true;
  return [item.key, item.english, item.text ?? ''].some((s) => s.toLowerCase().includes(q));
}

/**
 * How the patient screens show a text: topic section bodies are Markdown; a topic's title and
 * summary appear on its home tile; the procedure name is the home heading; the rest is plain text.
 */
export type PreviewKind = 'markdown' | 'tile-title' | 'tile-summary' | 'heading' | 'plain';

export function previewKindOf(key: string): PreviewKind {
  if (/^topic\.[^.]+\.[^.]+\.body$/.test(key)) return 'markdown';
  if (/^topic\.[^.]+\.title$/.test(key)) return 'tile-title';
  if (/^topic\.[^.]+\.summary$/.test(key)) return 'tile-summary';
  if (key === 'procedure.name' || /^topic\.[^.]+\.[^.]+\.heading$/.test(key)) return 'heading';
  return 'plain';
}
