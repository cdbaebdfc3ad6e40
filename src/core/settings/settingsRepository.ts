import type { Database } from 'better-sqlite3';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/domain/settings.ts';
import type { Logger } from '../log/logger.ts';
import { parseJsonColumn } from '../store/parseRow.ts';

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/**
 * Office settings, one row per key. A key never written reads as its default. A stored value
 * that no longer fits its schema (an older version, a manual edit) reads as the default and
 * is logged, so one bad value cannot lock the desk; the next write replaces it.
 */
export class SettingsRepository {
  private readonly db: Database;
  private readonly log: Logger;

  constructor(db: Database, log: Logger) {
    this.db = db;
    this.log = log;
  }

  /** The settings as last read or written; only this repository writes them. */
  private cached: Settings | undefined;

  get(): Settings {
    if (this.cached) return this.cached;
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as {
      key: string;
      value: string;
    }[];
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of KEYS) {
      const text = stored.get(key);
      if (text === undefined) continue;
      const parsed = SettingsSchema.shape[key].safeParse(parseJsonColumn(text, `settings ${key}`));
      if (parsed.success) result[key] = parsed.data;
      else this.log.warn('settings.invalid_stored_value', { key });
    }
    this.cached = SettingsSchema.parse(result);
    return this.cached;
  }

  set(patch: SettingsPatch): Settings {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const key of KEYS) {
        if (patch[key] !== undefined) upsert.run(key, JSON.stringify(patch[key]));
      }
    })();
    this.cached = undefined;
    return this.get();
  }
}
