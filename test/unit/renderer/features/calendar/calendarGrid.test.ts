// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  cellOf,
  hoursShown,
  isReschedulable,
  monthWeeks,
  moveToCell,
  officeWallTime,
  placeInView,
  placementOf,
  shiftAnchor,
  shownDates,
  startOfWeek,
  weekDates,
  weekdayOf,
  type Timed,
} from '../../../../../src/renderer/features/calendar/calendarGrid.ts';

// The computer is in New York; the office is in Shanghai (or Berlin). Nothing below may read
// the computer's zone: the assertions would then be off by 12 or 13 hours.
const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';

beforeAll(() => {
  vi.stubEnv('TZ', 'America/New_York');
});

describe('the computer running these tests', () => {
  it('is in New York, not in the office zone', () => {
    // 2026-03-24 16:30 UTC is 12:30 on the 24th in New York and 00:30 on the 25th in Shanghai.
    const instant = new Date('2026-03-24T16:30:00Z');
    expect(instant.getDate()).toBe(24);
    expect(instant.getHours()).toBe(12);
  });
});

describe('dates of a view', () => {
  it('counts weekdays from Monday', () => {
    expect(weekdayOf('2026-03-23')).toBe(0); // Monday
    expect(weekdayOf('2026-03-29')).toBe(6); // Sunday
    expect(startOfWeek('2026-03-29')).toBe('2026-03-23');
    expect(startOfWeek('2026-03-23')).toBe('2026-03-23');
  });

  it('shows a week from Monday to Sunday, across a month and a year', () => {
    expect(weekDates('2026-03-25')).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(weekDates('2026-01-01')).toEqual([
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
    ]);
  });

  it('shows a month in whole weeks, filled with the neighbouring months', () => {
    // March 2026 starts on a Sunday and ends on a Tuesday: six rows.
    const march = monthWeeks('2026-03-17');
    expect(march).toHaveLength(6);
    expect(march[0]?.[0]).toBe('2026-02-23');
    expect(march[0]?.[6]).toBe('2026-03-01');
    expect(march[5]?.[0]).toBe('2026-03-30');
    expect(march[5]?.[6]).toBe('2026-04-05');
    expect(march.every((week) => week.length === 7)).toBe(true);
    // February 2021 starts on a Monday and ends on a Sunday: exactly four rows.
    const february = monthWeeks('2021-02-10');
    expect(february.map((w) => [w[0], w[6]])).toEqual([
      ['2021-02-01', '2021-02-07'],
      ['2021-02-08', '2021-02-14'],
      ['2021-02-15', '2021-02-21'],
      ['2021-02-22', '2021-02-28'],
    ]);
    expect(shownDates('month', '2026-03-17')).toEqual({ first: '2026-02-23', last: '2026-04-05' });
  });

  it('pages by a week, or by a month landing on the 1st', () => {
    expect(shiftAnchor('week', '2025-12-31', 1)).toBe('2026-01-07');
    expect(shiftAnchor('week', '2026-01-02', -1)).toBe('2025-12-26');
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftAnchor('month', '2026-01-15', -1)).toBe('2025-12-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('where an instant falls', () => {
  it('is the office day and hour, not the computer’s', () => {
    expect(cellOf('2026-03-24T16:30:00Z', SHANGHAI)).toEqual({ date: '2026-03-25', hour: 0 });
    expect(cellOf('2026-03-25T01:30:00Z', SHANGHAI)).toEqual({ date: '2026-03-25', hour: 9 });
    expect(cellOf('2026-03-25T15:59:59Z', SHANGHAI)).toEqual({ date: '2026-03-25', hour: 23 });
    expect(officeWallTime('2026-03-25T01:30:45Z', SHANGHAI)).toEqual({
      date: '2026-03-25',
      hour: 9,
      minute: 30,
      second: 45,
    });
  });

  it('follows Berlin’s clock change on the last Sunday of March (no 02:00 hour)', () => {
    expect(cellOf('2026-03-29T00:59:00Z', BERLIN)).toEqual({ date: '2026-03-29', hour: 1 });
    expect(cellOf('2026-03-29T01:00:00Z', BERLIN)).toEqual({ date: '2026-03-29', hour: 3 });
  });
});

function timed(at: Partial<Timed> & { id: string }): Timed & { id: string } {
  return { scheduledAt: null, publishedAt: null, nextAttemptAt: null, ...at };
}

describe('placing publications', () => {
  it('uses the scheduled time, else the publishing time, else the next attempt', () => {
    expect(
      placementOf(timed({ id: 'a', scheduledAt: 'S', publishedAt: 'P', nextAttemptAt: 'N' })),
    ).toBe('S');
    expect(placementOf(timed({ id: 'a', publishedAt: 'P', nextAttemptAt: 'N' }))).toBe('P');
    expect(placementOf(timed({ id: 'a', nextAttemptAt: 'N' }))).toBe('N');
    expect(placementOf(timed({ id: 'a' }))).toBeNull();
  });

  it('groups the week’s publications by office day and hour, in time order', () => {
    const items = [
      timed({ id: 'weibo', scheduledAt: '2026-03-25T02:00:00Z' }), // Wed 10:00
      timed({ id: 'portal', scheduledAt: '2026-03-25T01:00:00Z' }), // Wed 09:00
      timed({ id: 'wechat', scheduledAt: '2026-03-25T01:30:00Z' }), // Wed 09:30
      timed({ id: 'sent', publishedAt: '2026-03-22T16:05:00Z' }), // Mon 23rd 00:05
      timed({ id: 'retry', nextAttemptAt: '2026-03-29T15:00:00Z' }), // Sun 23:00
      // Sunday 12:30 in New York, but Monday 00:30 in Shanghai: next week.
      timed({ id: 'next-week', scheduledAt: '2026-03-29T16:30:00Z' }),
      // Sunday 22nd 23:59 in Shanghai: the week before.
      timed({ id: 'last-week', scheduledAt: '2026-03-22T15:59:00Z' }),
      timed({ id: 'no-time' }),
    ];
    const cells = placeInView(items, 'week', '2026-03-25', SHANGHAI);
    const ids = (key: string) => cells.get(key)?.map((p) => p.item.id);
    expect([...cells.keys()].sort()).toEqual([
      '2026-03-23@0',
      '2026-03-25@10',
      '2026-03-25@9',
      '2026-03-29@23',
    ]);
    expect(ids('2026-03-25@9')).toEqual(['portal', 'wechat']);
    expect(ids('2026-03-25@10')).toEqual(['weibo']);
    expect(ids('2026-03-23@0')).toEqual(['sent']);
    expect(ids('2026-03-29@23')).toEqual(['retry']);
    expect(cells.get('2026-03-25@9')?.[1]).toMatchObject({
      at: '2026-03-25T01:30:00Z',
      cell: { date: '2026-03-25', hour: 9 },
    });

    const next = placeInView(items, 'week', '2026-03-30', SHANGHAI);
    expect(next.get('2026-03-30@0')?.map((p) => p.item.id)).toEqual(['next-week']);
  });

  it('groups the month’s publications by office day, neighbouring days included', () => {
    const items = [
      timed({ id: 'b', scheduledAt: '2026-03-25T02:00:00Z' }),
      timed({ id: 'a', scheduledAt: '2026-03-25T01:00:00Z' }),
      timed({ id: 'feb', scheduledAt: '2026-02-23T00:00:00Z' }), // shown: the first row
      timed({ id: 'early-feb', scheduledAt: '2026-02-22T15:00:00Z' }), // 23:00 on the 22nd
      timed({ id: 'apr', scheduledAt: '2026-04-05T15:00:00Z' }), // 23:00 on 5 April
    ];
    const cells = placeInView(items, 'month', '2026-03-01', SHANGHAI);
    expect(cells.get('2026-03-25')?.map((p) => p.item.id)).toEqual(['a', 'b']);
    expect(cells.get('2026-02-23')?.map((p) => p.item.id)).toEqual(['feb']);
    expect(cells.get('2026-04-05')?.map((p) => p.item.id)).toEqual(['apr']);
    expect(cells.has('2026-02-22')).toBe(false);
  });
});

describe('moving a publication to another cell', () => {
  it('keeps its minutes: to another day (month) or another day and hour (week)', () => {
    const at = '2026-03-25T01:30:00Z'; // Wednesday 09:30 in Shanghai
    expect(moveToCell(at, { date: '2026-03-27' }, SHANGHAI).toISOString()).toBe(
      '2026-03-27T01:30:00.000Z',
    );
    expect(moveToCell(at, { date: '2026-03-27', hour: 14 }, SHANGHAI).toISOString()).toBe(
      '2026-03-27T06:30:00.000Z',
    );
    // Midnight in Shanghai is the day before in UTC (and in New York).
    expect(moveToCell(at, { date: '2026-03-28', hour: 0 }, SHANGHAI).toISOString()).toBe(
      '2026-03-27T16:30:00.000Z',
    );
    expect(moveToCell('2026-03-25T01:30:45.250Z', { date: '2026-03-26' }, SHANGHAI)).toEqual(
      new Date('2026-03-26T01:30:45.250Z'),
    );
  });

  it('keeps the wall-clock time across Berlin’s change to summer time', () => {
    const friday = '2026-03-27T08:30:00Z'; // Friday 09:30 CET (UTC+1)
    // Monday 09:30 CEST (UTC+2): 71 hours later, not 72.
    const monday = moveToCell(friday, { date: '2026-03-30' }, BERLIN);
    expect(monday.toISOString()).toBe('2026-03-30T07:30:00.000Z');
    expect(cellOf(monday, BERLIN)).toEqual({ date: '2026-03-30', hour: 9 });
    // On the Sunday of the change itself: before it, after it, and back.
    expect(moveToCell(friday, { date: '2026-03-29', hour: 1 }, BERLIN).toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
    expect(moveToCell(friday, { date: '2026-03-29', hour: 9 }, BERLIN).toISOString()).toBe(
      '2026-03-29T07:30:00.000Z',
    );
    expect(moveToCell(monday, { date: '2026-03-27' }, BERLIN)).toEqual(new Date(friday));
  });

  it('moves a time the day skips (02:30 on the change) to the clock one hour on (03:30)', () => {
    const moved = moveToCell('2026-03-27T08:30:00Z', { date: '2026-03-29', hour: 2 }, BERLIN);
    expect(moved.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(officeWallTime(moved, BERLIN)).toMatchObject({
      date: '2026-03-29',
      hour: 3,
      minute: 30,
    });
  });

  it('keeps the wall-clock time across the change back to winter time', () => {
    // Friday 23 October 2026 09:30 CEST → Monday 26 October 09:30 CET.
    expect(moveToCell('2026-10-23T07:30:00Z', { date: '2026-10-26' }, BERLIN).toISOString()).toBe(
      '2026-10-26T08:30:00.000Z',
    );
  });

  it('refuses an hour that is not one', () => {
    expect(() =>
      moveToCell('2026-03-25T01:30:00Z', { date: '2026-03-26', hour: 24 }, SHANGHAI),
    ).toThrow(RangeError);
  });
});

describe('what may move, and which hours the week shows', () => {
  it('moves only scheduled and missed publications', () => {
    expect(isReschedulable('scheduled')).toBe(true);
    expect(isReschedulable('missed')).toBe(true);
    for (const state of ['queued', 'sending', 'published', 'failed', 'cancelled'] as const) {
      expect(isReschedulable(state), state).toBe(false);
    }
  });

  it('shows the working hours, widened to every hour that has a publication', () => {
    expect(hoursShown([], false)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(hoursShown([9, 3, 22], false)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
    expect(hoursShown([9], true)).toEqual(Array.from({ length: 24 }, (_, i) => i));
  });
});
