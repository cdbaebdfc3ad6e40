// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  clockLabel,
  dayLabel,
  dayNumberLabel,
  hourLabel,
  viewTitle,
  weekdayNames,
} from '../../../../../src/renderer/features/calendar/calendarLabels.ts';

describe('calendar labels', () => {
  it('name a day in each language', () => {
    expect(dayLabel('2026-03-23', 'zh-CN')).toBe('3月23日 周一');
    expect(dayLabel('2026-03-29', 'zh-CN')).toBe('3月29日 周日');
    expect(dayLabel('2026-03-23', 'en')).toBe('Mon 23 Mar');
    expect(weekdayNames('zh-CN')).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(weekdayNames('en')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('name what a week or a month view shows', () => {
    expect(viewTitle('week', '2026-03-25', 'zh-CN')).toBe('2026年3月23日至29日');
    expect(viewTitle('week', '2026-04-01', 'zh-CN')).toBe('2026年3月30日至4月5日');
    expect(viewTitle('week', '2026-01-01', 'zh-CN')).toBe('2025年12月29日至2026年1月4日');
    expect(viewTitle('month', '2026-03-25', 'zh-CN')).toBe('2026年3月');
    expect(viewTitle('month', '2026-03-25', 'en')).toBe('March 2026');
    expect(viewTitle('week', '2026-03-25', 'en')).toMatch(/^23\s*–\s*29 March 2026$/);
  });

  it('number the days of a month, naming the month on the 1st', () => {
    expect(dayNumberLabel('2026-03-23', 'zh-CN')).toBe('23');
    expect(dayNumberLabel('2026-04-01', 'zh-CN')).toBe('4月1日');
    expect(dayNumberLabel('2026-04-01', 'en')).toBe('1 Apr');
  });

  it('write hours and times on the 24-hour clock', () => {
    expect(hourLabel(9)).toBe('09:00');
    expect(hourLabel(23)).toBe('23:00');
    expect(clockLabel(9, 5)).toBe('09:05');
  });
});
