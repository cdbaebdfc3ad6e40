import type { ApiIssue } from '../../../shared/api/errors.ts';

export interface FieldIssues<F extends string> {
  /** Messages for each form field that has an issue (by the issue path's first segment). */
  byField: Partial<Record<F, string[]>>;
  /** Issues that name no field of this form (shown with the error itself). */
  rest: ApiIssue[];
}

/** Sorts the host's issues onto the form's fields, so each message appears under its control. */
export function issuesByField<F extends string>(
  issues: readonly ApiIssue[],
  fields: readonly F[],
): FieldIssues<F> {
  const byField: Partial<Record<F, string[]>> = {};
  const rest: ApiIssue[] = [];
  for (const issue of issues) {
    const head = issue.path.split('.')[0] ?? '';
    const field = fields.find((f) => f === head);
    if (field === undefined) {
      rest.push(issue);
    } else {
      (byField[field] ??= []).push(issue.message);
    }
  }
  return { byField, rest };
}
