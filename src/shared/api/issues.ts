import type { z } from 'zod';
import type { ApiIssue } from './errors.ts';

/** Turns a zod error into the contract's field-by-field issues. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** One line naming each bad field, for logs and for the error's message. */
export function describeIssues(issues: readonly ApiIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
