import type { Database, Statement } from 'better-sqlite3';
import { bigramText } from '../search/searchQuery.ts';

/**
 * Keeps the two full-text indexes of drafts in step with the working copy. Called inside the
 * transaction that changes the draft, so the index can never disagree with what was saved.
 * The indexes are keyed by drafts.seq (their rowid).
 */
export class DraftIndex {
  private readonly remove: Statement[];
  private readonly addTrigram: Statement;
  private readonly addBigram: Statement;

  constructor(db: Database) {
    this.remove = [
      db.prepare('DELETE FROM drafts_trigram WHERE rowid = ?'),
      db.prepare('DELETE FROM drafts_bigram WHERE rowid = ?'),
    ];
    this.addTrigram = db.prepare(
      'INSERT INTO drafts_trigram (rowid, title, body) VALUES (?, ?, ?)',
    );
    this.addBigram = db.prepare('INSERT INTO drafts_bigram (rowid, grams) VALUES (?, ?)');
  }

  put(seq: number, title: string, bodyText: string): void {
    for (const statement of this.remove) statement.run(seq);
    this.addTrigram.run(seq, title, bodyText);
    this.addBigram.run(seq, bigramText(`${title}\n${bodyText}`));
  }
}
