import type { Locale } from '../../../shared/domain/settings.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter =
      locale === 'zh-CN'
        ? new Intl.DateTimeFormat('zh-CN', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          })
        : new Intl.DateTimeFormat('en-GB', {
            timeZone,
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A stored UTC timestamp as the office reads it: in the office's time zone (not the
 * computer's), 24-hour clock. Answers the input unchanged when it is not a valid time or the
 * zone is unknown, so a bad value is visible rather than hidden.
 */
export function formatDateTime(iso: string, timeZone: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatterFor(locale, timeZone).format(date);
  } catch {
    return iso;
  }
}
