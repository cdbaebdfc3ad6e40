/**
 * Weibo's timestamps: `Tue May 31 17:46:55 +0800 2011` (day, month, time, UTC offset, year),
 * not a format Date.parse is specified to read, hence this explicit reader and writer.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const PATTERN =
  /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** The moment a Weibo timestamp names, or null when it is not one. */
export function parseWeiboDate(text: string): Date | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, mon, day, hh, mm, ss, sign, oh, om, year] = m;
  const month = MONTHS.indexOf(mon as (typeof MONTHS)[number]);
  if (month < 0) return null;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const utc = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  return new Date(utc - offsetMinutes * 60_000);
}

/** A moment as Weibo writes it, in China Standard Time (+0800) as Weibo does. */
export function formatWeiboDate(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[local.getUTCDay()]} ${MONTHS[local.getUTCMonth()]} ${two(local.getUTCDate())} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ` +
    `+0800 ${local.getUTCFullYear()}`
  );
}
