import { z } from 'zod';

/**
 * Error codes of the contract. A code tells the UI which sentence to show (in the user's
 * language) and the caller whether retrying can help; `message` carries the specifics.
 */
export const API_ERROR_CODES = [
  /** The input failed its schema; `issues` says which field and why. Do not retry as is. */
  'invalid_input',
  /** No method of that name exists in the contract. */
  'unknown_method',
  /** The record asked for does not exist (or no longer does). */
  'not_found',
  /** Someone saved a newer version first; reload, then apply the change again. */
  'conflict',
  /**
   * The action is not allowed as things stand (blocking findings, a state that does not allow
   * it, a name already taken); `message` says why and `issues` what to fix. Retry after fixing.
   */
  'refused',
  /** Headless: the request did not carry this run's token. */
  'unauthorized',
  /** Electron: the call did not come from PressDesk's own window. */
  'forbidden_sender',
  /** The database or the data folder failed; `message` says what to do. */
  'storage',
  /** A defect: logged with its stack on the host, never shown raw to the user. */
  'internal',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiIssueSchema = z.object({
  /** Dotted path of the offending field, '' for the input as a whole. */
  path: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  issues: z.array(ApiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
