import type { PublicationView } from '../../../shared/publish/publication.ts';
import type { PublicationState } from '../../../shared/publish/publicationState.ts';
import { zonedDate, zonedTimeToUtc, zoneOffsetMs } from '../../../shared/time/officeTime.ts';

/**
 * The publishing calendar's date logic, in the office's time zone and never the computer's:
 * every function that reads or makes an instant takes the zone. Calendar dates are
 * 'YYYY-MM-DD' strings (office days); their arithmetic is done on UTC midnights, which have
 * no daylight-saving changes. Weeks start on Monday, as Chinese calendars print them.
 */

export type CalendarView = 'week' | 'month';

/** Where an instant falls as the office reads it: its day, hour (0–23) and minute. */
export interface OfficeWallTime {
  date: string;
  hour: number;
  minute: number;
  second: number;
}

/** A slot of the grid: a day (month view), or a day and hour (week view). */
export interface CalendarCell {
  date: string;
  /** The hour row of the week view; absent in the month view (the time of day is kept). */
  hour?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcMidnight(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function dateOfUtcMidnight(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return dateOfUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** The day of the week: 0 Monday … 6 Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
}

/** The Monday of the week that contains `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayOf(date));
}

/** The seven dates, Monday to Sunday, of the week that contains `anchor`. */
export function weekDates(anchor: string): string[] {
  const monday = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * The weeks (Monday to Sunday) the month view of `anchor`'s month shows: from the week of the
 * 1st to the week of the last day, so 4 to 6 rows; days of the neighbouring months fill them.
 */
export function monthWeeks(anchor: string): string[][] {
  const first = `${monthOf(anchor)}-01`;
  const [year, month] = first.split('-').map(Number);
  const last = dateOfUtcMidnight(Date.UTC(year ?? NaN, month ?? NaN, 0));
  const weeks: string[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(weekDates(monday));
  }
  return weeks;
}

/** The first and last date the view of `anchor` shows. */
export function shownDates(view: CalendarView, anchor: string): { first: string; last: string } {
  const dates = view === 'week' ? weekDates(anchor) : monthWeeks(anchor).flat();
  return { first: dates[0] ?? anchor, last: dates[dates.length - 1] ?? anchor };
}

/**
 * The anchor one page earlier (step -1) or later (+1): a week, or a month (landing on the
 * 1st, so that 31 January moves to February and not to 3 March).
 */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  if (view === 'week') return addDays(anchor, 7 * step);
  const [year, month] = anchor.split('-').map(Number);
  return dateOfUtcMidnight(Date.UTC(year ?? NaN, (month ?? NaN) - 1 + step, 1));
}

/** Where an instant falls as the office reads it. */
export function officeWallTime(instant: Date | string, timeZone: string): OfficeWallTime {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a time: ${String(instant)}`);
  const wall = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    date: zonedDate(new Date(ms), timeZone),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The week-view cell (day and hour) an instant falls in, in the office's time zone. */
export function cellOf(instant: Date | string, timeZone: string): Required<CalendarCell> {
  const { date, hour } = officeWallTime(instant, timeZone);
  return { date, hour };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The instant moved to another cell, keeping its minutes (and seconds) as the office reads
 * them: to the target day at the same wall-clock time (month view), or to the target day and
 * hour (week view). Across a daylight-saving change the wall-clock time is kept, not the
 * distance in hours. A time the target day skips (02:30 on the day clocks go forward) becomes
 * the time the clock shows one gap later (03:30); a time it repeats resolves as
 * zonedTimeToUtc resolves it.
 */
export function moveToCell(instant: Date | string, target: CalendarCell, timeZone: string): Date {
  const wall = officeWallTime(instant, timeZone);
  const hour = target.hour ?? wall.hour;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`Not an hour of the day: ${hour}`);
  }
  const time = `${pad2(hour)}:${pad2(wall.minute)}:${pad2(wall.second)}`;
  const moved = zonedTimeToUtc(target.date, time, timeZone);
  return new Date(moved.getTime() + (new Date(instant).getTime() % 1000));
}

/** Fields that say when a publication happens. */
export type Timed = Pick<PublicationView, 'scheduledAt' | 'publishedAt' | 'nextAttemptAt'>;

/**
 * The instant a publication is shown at: when it is scheduled for, else when it went out,
 * else when the dispatcher acts on it next. null: it has none of these (not on the calendar).
 */
export function placementOf(publication: Timed): string | null {
  return publication.scheduledAt ?? publication.publishedAt ?? publication.nextAttemptAt;
}

/** States in which a publication may be moved to another time (the host enforces the same). */
export const RESCHEDULABLE_STATES = [
  'scheduled',
  'missed',
] as const satisfies readonly PublicationState[];

export function isReschedulable(state: PublicationState): boolean {
  return (RESCHEDULABLE_STATES as readonly PublicationState[]).includes(state);
}

/** The key of a cell in the maps below: 'date' (month view) or 'date@hour' (week view). */
export function cellKey(cell: CalendarCell): string {
  return cell.hour === undefined ? cell.date : `${cell.date}@${cell.hour}`;
}

export interface Placed<T> {
  item: T;
  /** The instant it is shown at (see placementOf). */
  at: string;
  cell: Required<CalendarCell>;
}

/**
 * The publications that fall in the view of `anchor`, by cell (see cellKey), each cell's in
 * time order. Those without a time, or outside the shown dates, are left out.
 */
export function placeInView<T extends Timed>(
  items: readonly T[],
  view: CalendarView,
  anchor: string,
  timeZone: string,
): Map<string, Placed<T>[]> {
  const { first, last } = shownDates(view, anchor);
  const placed: Placed<T>[] = [];
  for (const item of items) {
    const at = placementOf(item);
    if (at === null) continue;
    const cell = cellOf(at, timeZone);
    if (cell.date < first || cell.date > last) continue;
    placed.push({ item, at, cell });
  }
  placed.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const cells = new Map<string, Placed<T>[]>();
  for (const p of placed) {
    const key = cellKey(view === 'week' ? p.cell : { date: p.cell.date });
    const list = cells.get(key);
    if (list) list.push(p);
    else cells.set(key, [p]);
  }
  return cells;
}

/** The working hours the week view always shows (07:00 to 20:59). */
export const WORKING_HOURS = { first: 7, last: 20 } as const;

/**
 * The hour rows of the week view: every hour when `allDay`, else the working hours widened to
 * include the hours that have publications, so that nothing shown in the week is hidden.
 */
export function hoursShown(hoursWithItems: Iterable<number>, allDay: boolean): number[] {
  let first: number = allDay ? 0 : WORKING_HOURS.first;
  let last: number = allDay ? 23 : WORKING_HOURS.last;
  for (const hour of hoursWithItems) {
    first = Math.min(first, hour);
    last = Math.max(last, hour);
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
