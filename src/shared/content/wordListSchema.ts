import { z } from 'zod';

/**
 * The word list of sensitive or wrong expressions: the one shipped in
 * resources/wordlists/expressions.json, and the office's own additions (Settings). Parsing
 * with its extra rules (no duplicates after folding, ...) is src/core/content/checks/wordList.ts.
 */
export const WordListEntrySchema = z.strictObject({
  /** The expression to find; matched after folding (see foldText.ts). */
  term: z.string().trim().min(1).max(50),
  severity: z.enum(['block', 'warn']),
  /** The correct expression, offered as the suggestion. */
  correct: z.string().trim().min(1).max(100).optional(),
  /** Why, for the reviewer (shown with the finding). */
  note: z.string().trim().min(1).max(300).optional(),
});
export type WordListEntry = z.infer<typeof WordListEntrySchema>;

export const WordListSchema = z.strictObject({
  /** Raised whenever the entries change, so a newer shipped list can be told apart. */
  version: z.number().int().positive(),
  updatedAt: z.iso.date(),
  entries: z.array(WordListEntrySchema).max(50_000),
});
export type WordList = z.infer<typeof WordListSchema>;

/** What Settings shows and edits: the shipped list's identity and the office's own entries. */
export const WordListViewSchema = z.object({
  shipped: z.object({ version: z.number().int(), updatedAt: z.string(), count: z.number().int() }),
  /** The office's entries; one with the same term as a shipped entry replaces it. */
  custom: z.array(WordListEntrySchema),
});
export type WordListView = z.infer<typeof WordListViewSchema>;
