import type { z } from 'zod';
import { describeIssues, issuesOf } from '../../shared/api/issues.ts';
import { DeskError } from '../errors.ts';

/**
 * Parses a value read from the database with its schema. The database is a trust boundary
 * too (other versions, manual edits): a row that does not fit is reported with its table and
 * key rather than passed on half-valid.
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DeskError(
      'storage',
      `Stored data does not fit its schema (${where}): ${describeIssues(issuesOf(result.error))}`,
    );
  }
  return result.data;
}

/** JSON.parse for a column declared json_valid; wraps the (unexpected) failure with its place. */
export function parseJsonColumn(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DeskError('storage', `Stored JSON cannot be read (${where}).`, { cause: error });
  }
}
