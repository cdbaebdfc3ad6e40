import { createHash } from 'node:crypto';
import { foldText, originalRange } from './foldText.ts';

const keyOf = (normalized: string): string => createHash('sha256').update(normalized).digest('hex');
import { isValidIdCardNumber } from './idCardNumber.ts';

export interface PersonalDataHit {
  kind: 'id-card' | 'mobile';
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The last four digits, to name the number in messages without repeating it whole. */
  lastFour: string;
  /**
   * What a confirmation names: the SHA-256 (hex) of the normalized number (digits only,
   * country code dropped, X upper case), so neither findings nor the draft's list of confirmed
   * numbers repeat the number itself.
   */
  key: string;
}

/** 18 characters, not inside a longer run of digits (or an X-suffixed run). */
const ID_CARD = /(?<!\d)\d{17}[\dx](?![\dx])/g;
/**
 * 1[3-9] + 9 digits, either run together or grouped 3-4-4 with one kind of separator
 * (space or hyphen), optionally after +86 or 86; not inside a longer run of digits.
 */
const MOBILE = /(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d(?:\d{8}|([ -])\d{4}\1\d{4})(?!\d)/g;

/**
 * Resident ID numbers (valid ones only, see isValidIdCardNumber) and mainland mobile numbers in
 * a text. Matching runs on the folded text, so numbers typed with full-width digits
 * ("１３８…") or an ideographic space are found too: a reader sees them as the same number.
 */
export function findPersonalData(text: string, today: string): PersonalDataHit[] {
  if (!/[0-9\uff10-\uff19]/.test(text)) return [];
  const folded = foldText(text);
  const hits: PersonalDataHit[] = [];
  for (const m of folded.text.matchAll(ID_CARD)) {
    if (!isValidIdCardNumber(m[0], today)) continue;
    const [start, end] = originalRange(folded, m.index, m.index + m[0].length);
    hits.push({
      kind: 'id-card',
      start,
      end,
      lastFour: m[0].slice(-4).toUpperCase(),
      key: keyOf(m[0].toUpperCase()),
    });
  }
  for (const m of folded.text.matchAll(MOBILE)) {
    const [start, end] = originalRange(folded, m.index, m.index + m[0].length);
    const digits = m[0].replace(/\D/g, '');
    hits.push({
      kind: 'mobile',
      start,
      end,
      lastFour: m[0].slice(-4),
      key: keyOf(digits.slice(-11)),
    });
  }
  return hits.sort((a, b) => a.start - b.start);
}
