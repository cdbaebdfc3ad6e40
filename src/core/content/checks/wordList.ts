import { foldTerm } from './foldText.ts';

/**
 * The word list of sensitive and wrong expressions: shipped with the app in
 * resources/wordlists/expressions.json and extended by the office in Settings. Every list is
 * parsed with parseWordList (a trust boundary: a file, or a user's edits).
 */
export {
  WordListEntrySchema,
  WordListSchema,
  type WordList,
  type WordListEntry,
} from '../../../shared/content/wordListSchema.ts';
import { WordListSchema, type WordList } from '../../../shared/content/wordListSchema.ts';

export class WordListError extends Error {
  readonly code = 'WORD_LIST_INVALID';
  /** One sentence per problem, each naming the entry at fault. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[], source?: string) {
    super(
      `The word list${source ? ` ${source}` : ''} is not valid: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (and ${problems.length - 5} more problems)` : ''}`,
    );
    this.name = 'WordListError';
    this.problems = problems;
  }
}

/** "entries[3] (“其它”)" for an issue path, using the raw input to name the entry. */
function describePath(path: readonly PropertyKey[], json: unknown): string {
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    const raw = (json as { entries?: unknown[] }).entries?.[path[1]];
    const term =
      raw && typeof raw === 'object' && typeof (raw as { term?: unknown }).term === 'string'
        ? ` ("${(raw as { term: string }).term}")`
        : '';
    const rest = path.slice(2).map(String).join('.');
    return `Entry ${path[1]}${term}${rest ? `, field "${rest}"` : ''}`;
  }
  return path.length ? `Field "${path.map(String).join('.')}"` : 'The list';
}

/**
 * Parses and checks a word list. Beyond the schema: no two entries may fold to the same term,
 * and an entry's correct form must not contain its term (the corrected text would be flagged
 * again). Throws WordListError naming every entry at fault.
 */
export function parseWordList(json: unknown, source?: string): WordList {
  const parsed = WordListSchema.safeParse(json);
  if (!parsed.success) {
    throw new WordListError(
      parsed.error.issues.map((issue) => `${describePath(issue.path, json)}: ${issue.message}.`),
      source,
    );
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  parsed.data.entries.forEach((entry, index) => {
    const folded = foldTerm(entry.term);
    const earlier = seen.get(folded);
    if (earlier !== undefined)
      problems.push(`Entry ${index} ("${entry.term}") repeats entry ${earlier}.`);
    else seen.set(folded, index);
    if (entry.correct !== undefined && foldTerm(entry.correct).includes(folded))
      problems.push(
        `Entry ${index} ("${entry.term}"): the correct form "${entry.correct}" contains the term, so it would be flagged too.`,
      );
  });
  if (problems.length) throw new WordListError(problems, source);
  return parsed.data;
}

/**
 * The list in force: the shipped entries, except those the office's custom list redefines
 * (same term after folding: the custom entry wins, e.g. to lower a severity), then the custom
 * entries. Keeps the shipped version (it says which shipped list the office builds on) and the
 * later of the two dates.
 */
export function mergeWordLists(shipped: WordList, custom: WordList): WordList {
  const overridden = new Set(custom.entries.map((e) => foldTerm(e.term)));
  return {
    version: shipped.version,
    updatedAt: custom.updatedAt > shipped.updatedAt ? custom.updatedAt : shipped.updatedAt,
    entries: [
      ...shipped.entries.filter((e) => !overridden.has(foldTerm(e.term))),
      ...custom.entries,
    ],
  };
}
