import type { Migration } from '../migration.ts';
import { migration0001 } from './0001_initial.ts';

/** Every migration, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
