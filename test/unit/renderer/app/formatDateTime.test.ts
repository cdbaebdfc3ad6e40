// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../../src/renderer/app/format/formatDateTime.ts';

describe('formatDateTime', () => {
  it('shows a UTC time in the office time zone, on the office calendar day', () => {
    // 16:30 UTC on 1 January is 00:30 on 2 January in Beijing.
    expect(formatDateTime('2025-01-01T16:30:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe(
      '2025/01/02 00:30',
    );
    expect(formatDateTime('2025-01-01T16:30:00.000Z', 'Asia/Shanghai', 'en')).toBe(
      '2 Jan 2025, 00:30',
    );
  });

  it('follows the zone chosen in settings, not the computer', () => {
    expect(formatDateTime('2025-07-01T12:00:00.000Z', 'Europe/London', 'zh-CN')).toBe(
      '2025/07/01 13:00',
    );
    expect(formatDateTime('2025-07-01T12:00:00.000Z', 'UTC', 'zh-CN')).toBe('2025/07/01 12:00');
  });

  it('shows a bad value as it is instead of hiding it', () => {
    expect(formatDateTime('yesterday', 'Asia/Shanghai', 'zh-CN')).toBe('yesterday');
    expect(formatDateTime('2025-01-01T00:00:00.000Z', 'Not/AZone', 'zh-CN')).toBe(
      '2025-01-01T00:00:00.000Z',
    );
  });
});
