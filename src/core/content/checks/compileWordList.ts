import { AhoCorasick } from './ahoCorasick.ts';
import { foldTerm } from './foldText.ts';
import type { WordList, WordListEntry } from './wordList.ts';

/** A word list ready to scan with: build once per list, reuse for every check run. */
export interface CompiledWordList {
  list: WordList;
  /** entries[i] is the entry of matcher term i. */
  entries: readonly WordListEntry[];
  matcher: AhoCorasick;
}

/** Folds every term and builds the matcher. The list is expected to come from parseWordList. */
export function compileWordList(list: WordList): CompiledWordList {
  return {
    list,
    entries: list.entries,
    matcher: new AhoCorasick(list.entries.map((e) => foldTerm(e.term))),
  };
}
