import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

/**
 * Structured log lines. Events are short dotted names; fields carry ids and codes. Callers
 * never pass document text or secrets: the log file is not a place for either.
 */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields & { stack?: string | undefined }): void;
}

/** Appends JSON lines to <dataDir>/logs/pressdesk.log and mirrors warnings and errors to stderr. */
export function fileLogger(
  dataDir: string,
  clock: { now(): Date },
): Logger & { readonly path: string } {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'pressdesk.log');
  const write = (level: 'info' | 'warn' | 'error', event: string, fields: LogFields = {}) => {
    const line = JSON.stringify({ at: clock.now().toISOString(), level, event, ...fields });
    try {
      appendFileSync(path, `${line}\n`);
    } catch {
      // A full disk must not take the desk down with it; stderr still gets the line below.
    }
    if (level !== 'info') process.stderr.write(`${line}\n`);
  };
  return {
    path,
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** A logger that keeps lines in memory: for tests. */
export function memoryLogger(): Logger & {
  lines: { level: string; event: string; fields: LogFields }[];
} {
  const lines: { level: string; event: string; fields: LogFields }[] = [];
  return {
    lines,
    info: (event, fields = {}) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields = {}) => lines.push({ level: 'warn', event, fields }),
    error: (event, fields = {}) => lines.push({ level: 'error', event, fields }),
  };
}
