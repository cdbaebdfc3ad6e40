import { describe, expect, it } from 'vitest';
import {
  officeDayRange,
  zonedDate,
  zonedTimeToUtc,
  zoneOffsetMs,
} from '../../../src/shared/time/officeTime.ts';

describe('office time', () => {
  it('converts Shanghai wall-clock times to UTC', () => {
    expect(zonedTimeToUtc('2026-11-27', '09:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-27T01:30:00.000Z',
    );
    expect(zonedTimeToUtc('2026-01-01', '00:00', 'Asia/Shanghai').toISOString()).toBe(
      '2025-12-31T16:00:00.000Z',
    );
    expect(zoneOffsetMs(Date.parse('2026-06-01T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3600_000);
  });

  it('handles daylight-saving zones on both sides of the change', () => {
    // Europe/Berlin moves to summer time on 2026-03-29 at 02:00 local.
    expect(zonedTimeToUtc('2026-03-28', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-03-30', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-11-01', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-11-01T14:00:00.000Z',
    );
  });

  it('gives the office date of an instant and whole-day ranges', () => {
    expect(zonedDate('2026-11-27T17:00:00Z', 'Asia/Shanghai')).toBe('2026-11-28');
    expect(zonedDate('2026-11-27T17:00:00Z', 'UTC')).toBe('2026-11-27');
    expect(officeDayRange('2026-11-01', '2026-11-30', 'Asia/Shanghai')).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      before: '2026-11-30T16:00:00.000Z',
    });
  });
});
