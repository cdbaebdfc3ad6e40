// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  timeZoneOptions,
  utcOffsetOf,
} from '../../../../src/renderer/features/settings/timeZoneOptions.ts';

const JAN = new Date('2025-01-15T00:00:00Z');

describe('timeZoneOptions', () => {
  it('lists Asia/Shanghai first, then every other zone once, alphabetically', () => {
    const options = timeZoneOptions('Asia/Shanghai', JAN);
    expect(options[0]).toEqual({ value: 'Asia/Shanghai', label: 'Asia/Shanghai (UTC+08:00)' });
    const values = options.map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    const rest = values.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, 'en')));
    expect(values).toContain('Europe/Berlin');
  });

  it('always includes the current value', () => {
    expect(timeZoneOptions('UTC', JAN).map((o) => o.value)).toContain('UTC');
  });

  it('labels offsets as they are at the given time (summer time included)', () => {
    expect(utcOffsetOf('UTC', JAN)).toBe('UTC+00:00');
    expect(utcOffsetOf('Europe/Berlin', JAN)).toBe('UTC+01:00');
    expect(utcOffsetOf('Europe/Berlin', new Date('2025-07-15T00:00:00Z'))).toBe('UTC+02:00');
    expect(utcOffsetOf('America/St_Johns', JAN)).toBe('UTC-03:30');
  });
});
