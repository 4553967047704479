import type { Db } from '../connection';

/** One schema step of the local database. Versions go up in steps of 10. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
