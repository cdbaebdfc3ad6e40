/**
 * Mainland resident identity card numbers (GB 11643-1999): 6-digit region code, 8-digit birth
 * date YYYYMMDD, 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. Throws unless given exactly 17 digits. */
export function idCardCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('Give the first 17 digits of the number.');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Whether an 18-character string is a plausible, valid ID number: region code starting with
 * 1-8 (the first digit is the region group: 1 North, ..., 8 Hong Kong/Macao/Taiwan residence
 * permits); a real calendar date from 1900 on and not after `today` (YYYY-MM-DD, the office's
 * date, injected so the result does not depend on the clock); and the right check character
 * (x or X). Anything else is not reported, so that figures like statistics are not taken for
 * personal data.
 */
export function isValidIdCardNumber(id: string, today: string): boolean {
  if (!/^[1-8]\d{16}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const maxDay = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > maxDay) return false;
  if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return false;
  return idCardCheckDigit(id.slice(0, 17)) === id[17]?.toUpperCase();
}
