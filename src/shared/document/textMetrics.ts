import { plainTextBlocks } from './plainText.ts';
import type { Document } from './nodes.ts';
import { walk } from './walk.ts';

export interface TextMetrics {
  /** Characters without whitespace, counted as a reader sees them (grapheme clusters): 字数. */
  characters: number;
  /** Chinese characters (Han script) among them. */
  hanCharacters: number;
  /** Non-empty text blocks (paragraphs, headings, quotes, list items, table rows). */
  paragraphs: number;
  images: number;
  /** Whole minutes, at least 1 for any text. */
  readingMinutes: number;
}

/**
 * Reading speeds used for the estimate: about 400 Chinese characters a minute for official
 * prose read attentively, 200 words a minute for Latin-script text, 10 seconds an image.
 */
export const HAN_PER_MINUTE = 400;
export const WORDS_PER_MINUTE = 200;
export const SECONDS_PER_IMAGE = 10;

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const HAN = /\p{Script=Han}/u;
const SPACE = /^\s+$/u;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;

export function textMetrics(doc: Document): TextMetrics {
  const blocks = plainTextBlocks(doc);
  let characters = 0;
  let hanCharacters = 0;
  let latinWords = 0;
  let paragraphs = 0;
  for (const block of blocks) {
    if (block.trim() !== '') paragraphs++;
    for (const { segment } of segmenter.segment(block)) {
      if (SPACE.test(segment)) continue;
      characters++;
      if (HAN.test(segment)) hanCharacters++;
    }
    latinWords += (block.replace(/\p{Script=Han}/gu, ' ').match(LATIN_WORD) ?? []).length;
  }
  let images = 0;
  walk(doc, (node) => {
    if (node.type === 'image') images++;
  });
  const minutes =
    hanCharacters / HAN_PER_MINUTE +
    latinWords / WORDS_PER_MINUTE +
    (images * SECONDS_PER_IMAGE) / 60;
  return {
    characters,
    hanCharacters,
    paragraphs,
    images,
    readingMinutes: characters + images === 0 ? 0 : Math.max(1, Math.ceil(minutes)),
  };
}
