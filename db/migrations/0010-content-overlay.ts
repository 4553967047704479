import type { Migration } from './types';
import { contentTablesV1 } from '../content-schema';

/** The clinic's content overlay: the same tables as content.db; its rows win by key. */
export const migration0010: Migration = {
  version: 10,
  name: 'content overlay',
  up(db) {
    db.exec(contentTablesV1);
  },
};
