import type { Migration } from './types';
import { migration0010 } from './0010-content-overlay';
import { migration0020 } from './0020-settings-audit-usage';
import { migration0030 } from './0030-staff-access';
import { migration0040 } from './0040-illustration-overrides';
import { migration0050 } from './0050-locale-font';
import { migration0060 } from './0060-narration';
import { migration0070 } from './0070-sign-in-places-and-pack-releases';

/** Every local-database migration, oldest first. Add new ones at the end, never edit old ones. */
export const migrations: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070];
export type { Migration };
