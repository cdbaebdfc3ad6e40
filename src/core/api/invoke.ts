import { randomUUID } from 'node:crypto';
import {
  contract,
  isApiMethod,
  type ApiHandlers,
  type ApiMethod,
} from '../../shared/api/contract.ts';
import { fail, ok, type Envelope } from '../../shared/api/envelope.ts';
import { describeIssues, issuesOf } from '../../shared/api/issues.ts';
import { DeskError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';

/**
 * Runs one contract call from an untrusted caller (IPC or HTTP): checks the method exists,
 * parses the input with its schema, calls the handler, checks the output against the
 * contract, and wraps everything in the envelope. It never throws.
 */
export async function invoke(
  handlers: ApiHandlers,
  method: string,
  rawInput: unknown,
  log: Logger,
): Promise<Envelope<unknown>> {
  if (!isApiMethod(method)) {
    return fail({
      code: 'unknown_method',
      message: `There is no method "${method}" in the PressDesk contract.`,
    });
  }
  const spec = contract[method];
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success) {
    const issues = issuesOf(input.error);
    return fail({
      code: 'invalid_input',
      message: `Invalid input for ${method}: ${describeIssues(issues)}`,
      issues,
    });
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(input.data);
    const output = spec.output.safeParse(value);
    if (!output.success) {
      return internal(
        method,
        log,
        new Error(
          `Output of ${method} broke the contract: ${describeIssues(issuesOf(output.error))}`,
        ),
      );
    }
    return ok(output.data);
  } catch (error) {
    if (error instanceof DeskError) {
      if (error.code === 'storage' || error.code === 'internal') {
        log.error('api.failed', { method, code: error.code, message: error.message });
      }
      return fail({
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: [...error.issues] } : {}),
      });
    }
    if (isSqliteError(error)) {
      log.error('api.storage_failed', {
        method,
        sqlite: String(error.code),
        message: error.message,
      });
      return fail({
        code: 'storage',
        message: `The database could not complete ${method} (${String(error.code)}). Nothing was half-saved; try again, and check the disk if it persists.`,
      });
    }
    return internal(method, log, error);
  }
}

function internal(method: ApiMethod, log: Logger, error: unknown): Envelope<never> {
  const ref = randomUUID().slice(0, 8);
  log.error('api.internal', {
    method,
    ref,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return fail({
    code: 'internal',
    message: `PressDesk hit an unexpected error in ${method}. It was logged with reference ${ref}.`,
  });
}

function isSqliteError(error: unknown): error is Error & { code: unknown } {
  return error instanceof Error && error.name === 'SqliteError';
}
