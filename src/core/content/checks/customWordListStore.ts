import type { Database } from 'better-sqlite3';
import type { WordListEntry } from '../../../shared/content/wordListSchema.ts';
import { parseJsonColumn } from '../../store/parseRow.ts';
import { parseWordList, type WordList } from './wordList.ts';

const KEY = 'wordlist.custom';

/**
 * The office's own word-list entries, kept as one JSON row of the settings table. Read back
 * through parseWordList like any list: a stored list that no longer parses is reported, not
 * silently half-used.
 */
export class CustomWordListStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(): WordList {
    const text = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
      string | undefined;
    if (text === undefined) return { version: 1, updatedAt: '1970-01-01', entries: [] };
    return parseWordList(parseJsonColumn(text, `settings ${KEY}`), 'kept in Settings');
  }

  /** Validates and stores the entries; throws WordListError naming the entries at fault. */
  set(entries: readonly WordListEntry[], today: string): WordList {
    const previous = this.get();
    const list = parseWordList(
      { version: previous.version + 1, updatedAt: today, entries },
      'from Settings',
    );
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(KEY, JSON.stringify(list));
    return list;
  }
}
