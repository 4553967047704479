/** Where a text key belongs and how it is shown to patients, from its prefix. */
import type { AdminTextItem } from '../../../../electron/shared/admin-types';
import type { MatrixCell } from '../../../../electron/shared/admin-types';
import { parseTextKey, textKeyArea } from '../../../../electron/shared/text-keys';

/** procedure, topic.<id>, step, illustration, glossary, quiz, discharge or card (a key outside the grammar is its own area). */
export function areaOf(key: string): string {
  const parsed = parseTextKey(key);
  return parsed ? textKeyArea(parsed) : key;
}

/** The topic a key belongs to, or null for keys outside topics. */
export function topicOf(key: string): string | null {
  const parsed = parseTextKey(key);
  return parsed?.kind === 'topic' || parsed?.kind === 'topicSection' ? parsed.topicId : null;
}

export interface Area {
  id: string;
  /** Set for a topic's area: the topic's id. */
  topicId: string | null;
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
  return [...areas].map(([id, list]) => ({ id, topicId: topicOf(list[0]!.key), items: list }));
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
  const k = parseTextKey(key);
  if (k?.kind === 'topicSection') return k.field === 'body' ? 'markdown' : 'heading';
  if (k?.kind === 'topic') return k.field === 'title' ? 'tile-title' : 'tile-summary';
  if (k?.kind === 'procedure' && k.field === 'name') return 'heading';
  return 'plain';
}
