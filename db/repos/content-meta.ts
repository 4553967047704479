/** The bundled content's facts about itself (content_meta: its content hash, its pack format version). */
import { perConnection } from './per-connection';

export const contentMetaRepo = perConnection((db) => {
  const value = db.prepare<[key: string], { value: string }>('SELECT value FROM content_meta WHERE key = ?');
  return {
    value: (key: 'contentHash' | 'packFormatVersion'): string | null => value.get(key)?.value ?? null,
  };
});
