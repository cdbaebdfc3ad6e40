import type { ApiErrorCode, ApiIssue } from '../../shared/api/errors.ts';

/**
 * Failures that happen on this side of the contract, before any host answered with an
 * envelope. They get their own codes so the UI never blames the user's input (or the server)
 * for what was a dead connection or a broken host.
 */
export const LOCAL_ERROR_CODES = [
  /** The host could not be reached: the HTTP request failed, or the IPC bridge rejected. */
  'unreachable',
  /** The host answered, but not with a JSON envelope (e.g. a proxy page, a truncated body). */
  'malformed_response',
  /** The envelope was fine but its value does not match the contract's output schema. */
  'unexpected_output',
] as const;
export type LocalErrorCode = (typeof LOCAL_ERROR_CODES)[number];

/** Every code a failed call can carry: the contract's, then the client's own. */
export type ClientErrorCode = ApiErrorCode | LocalErrorCode;

/**
 * What `call` throws, and nothing else. `code` picks the sentence shown to the user,
 * `message` is the host's (or the client's) specifics, `issues` names the offending fields.
 */
export class ClientError extends Error {
  readonly code: ClientErrorCode;
  /** The contract method whose call failed. */
  readonly method: string;
  readonly issues: readonly ApiIssue[];

  constructor(
    code: ClientErrorCode,
    message: string,
    options: { method: string; issues?: readonly ApiIssue[] | undefined; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClientError';
    this.code = code;
    this.method = options.method;
    this.issues = options.issues ?? [];
  }
}

/** Wraps anything caught around a call into a ClientError (a ClientError passes through). */
export function asClientError(error: unknown, method: string): ClientError {
  if (error instanceof ClientError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ClientError('unreachable', message, { method, cause: error });
}
