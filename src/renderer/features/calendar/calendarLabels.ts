import type { Locale } from '../../../shared/domain/settings.ts';
import { shownDates, weekDates, weekdayOf, type CalendarView } from './calendarGrid.ts';

/**
 * How the calendar names dates and hours in each interface language. Dates here are office
 * calendar dates ('YYYY-MM-DD'), already in the office's zone: they are formatted as UTC
 * midnights, so the computer's own zone never shifts them by a day.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      ...options,
      timeZone: 'UTC',
    });
    formatters.set(key, f);
  }
  return f;
}

function asUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const ZH_WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function parts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? NaN, month: month ?? NaN, day: day ?? NaN };
}

// Chinese dates are spelled out by hand: ICU versions differ on '3月23日' versus '3/23'.

/** A date without its weekday: '3月23日', '23 Mar'. */
export function dateLabel(date: string, locale: Locale): string {
  if (locale === 'en') {
    return formatter(locale, { day: 'numeric', month: 'short' }).format(asUtcDate(date));
  }
  const { month, day } = parts(date);
  return `${month}月${day}日`;
}

/** A date's weekday: '周一', 'Mon'. */
export function weekdayLabel(date: string, locale: Locale): string {
  if (locale === 'en') return formatter(locale, { weekday: 'short' }).format(asUtcDate(date));
  return ZH_WEEKDAYS[weekdayOf(date)] ?? '';
}

/** A day's full heading: '3月23日 周一', 'Mon 23 Mar'. */
export function dayLabel(date: string, locale: Locale): string {
  return locale === 'en'
    ? `${weekdayLabel(date, locale)} ${dateLabel(date, locale)}`
    : `${dateLabel(date, locale)} ${weekdayLabel(date, locale)}`;
}

/** The weekday names, Monday first: '周一' … '周日', 'Mon' … 'Sun'. */
export function weekdayNames(locale: Locale): string[] {
  if (locale !== 'en') return [...ZH_WEEKDAYS];
  const f = formatter(locale, { weekday: 'short' });
  return weekDates('2026-01-05').map((date) => f.format(asUtcDate(date)));
}

/**
 * What the view shows: '2026年3月23日至29日' / '23 – 29 March 2026' (a week), '2026年3月' /
 * 'March 2026' (a month).
 */
export function viewTitle(view: CalendarView, anchor: string, locale: Locale): string {
  if (locale === 'en') {
    if (view === 'month') {
      return formatter(locale, { year: 'numeric', month: 'long' }).format(asUtcDate(anchor));
    }
    const { first, last } = shownDates('week', anchor);
    return formatter(locale, { year: 'numeric', month: 'long', day: 'numeric' }).formatRange(
      asUtcDate(first),
      asUtcDate(last),
    );
  }
  if (view === 'month') {
    const { year, month } = parts(anchor);
    return `${year}年${month}月`;
  }
  const range = shownDates('week', anchor);
  const a = parts(range.first);
  const b = parts(range.last);
  const end =
    a.year !== b.year
      ? `${b.year}年${b.month}月${b.day}日`
      : a.month !== b.month
        ? `${b.month}月${b.day}日`
        : `${b.day}日`;
  return `${a.year}年${a.month}月${a.day}日至${end}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** An hour row's label: '09:00'. */
export function hourLabel(hour: number): string {
  return `${pad2(hour)}:00`;
}

/** A wall-clock time: '09:30'. */
export function clockLabel(hour: number, minute: number): string {
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** A month cell's number: '23', and the month too on the 1st ('4月1日', '1 Apr'). */
export function dayNumberLabel(date: string, locale: Locale): string {
  const { day } = parts(date);
  return day === 1 ? dateLabel(date, locale) : String(day);
}
