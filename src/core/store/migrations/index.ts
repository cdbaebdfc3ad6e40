import type { Migration } from '../migration.ts';
import { migration0001 } from './0001_initial.ts';
import { migration0002 } from './0002_revisions_search_media.ts';
import { migration0003 } from './0003_channel_accounts.ts';
import { migration0004 } from './0004_outbox.ts';
import { migration0005 } from './0005_publication_changes.ts';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];
