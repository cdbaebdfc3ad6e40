import type { ApiErrorCode, ApiIssue } from '../shared/api/errors.ts';

/**
 * An error a handler throws on purpose: it reaches the caller as `{ ok: false, error }` with
 * this code and message. Anything else thrown becomes `internal`.
 */
export class DeskError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: readonly ApiIssue[] | undefined;

  constructor(
    code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown; issues?: readonly ApiIssue[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeskError';
    this.code = code;
    this.issues = options?.issues;
  }
}
