import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWordList, WordListError, type WordList } from './wordList.ts';

/**
 * Where the shipped list lives in a source checkout. A packaged app passes its own resources
 * path instead (electron-builder's extraResources), since bundling moves this module.
 */
export const SHIPPED_WORD_LIST_PATH = fileURLToPath(
  new URL('../../../../resources/wordlists/expressions.json', import.meta.url),
);

/** Reads and validates a word list file; the only I/O of the checks. Throws WordListError. */
export function loadWordList(path: string = SHIPPED_WORD_LIST_PATH): WordList {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new WordListError(
      [`It cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}.`],
      path,
    );
  }
  return parseWordList(json, path);
}
