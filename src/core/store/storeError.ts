import { DeskError } from '../errors.ts';

/** Why the store could not be opened. Each comes with a sentence telling the user what to do. */
export type StoreProblem =
  'data_dir_unusable' | 'not_a_database' | 'corrupt' | 'newer_schema' | 'pragma_refused';

/**
 * The store refused to open. It never replaces, truncates or "repairs" the file it was given:
 * the message names the file, says it was left as it was, and what the user can do.
 */
export class StoreOpenError extends DeskError {
  readonly problem: StoreProblem;
  readonly path: string;

  constructor(problem: StoreProblem, path: string, message: string, cause?: unknown) {
    super('storage', message, cause === undefined ? undefined : { cause });
    this.name = 'StoreOpenError';
    this.problem = problem;
    this.path = path;
  }
}
