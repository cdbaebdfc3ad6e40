/** The office default, listed first because nearly every desk uses it. */
export const OFFICE_DEFAULT_ZONE = 'Asia/Shanghai';

export interface TimeZoneOption {
  value: string;
  /** e.g. "Asia/Shanghai (UTC+08:00)": the offset in effect at `now`. */
  label: string;
}

/** "UTC+08:00" for a zone at an instant ("UTC+00:00" where the runtime says just "GMT"). */
export function utcOffsetOf(zone: string, now: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (!part || part === 'GMT') return 'UTC+00:00';
  return part.replace(/^GMT/, 'UTC');
}

/**
 * The zones the runtime knows, Asia/Shanghai first and the rest in alphabetical order; the
 * current value is always included even when the runtime does not list it (e.g. "UTC"), so
 * the select never shows a raw value it cannot name. The server validates the choice.
 */
export function timeZoneOptions(current: string, now: Date = new Date()): TimeZoneOption[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const rest = [...new Set([...known, current])]
    .filter((zone) => zone !== OFFICE_DEFAULT_ZONE && zone !== '')
    .sort((a, b) => a.localeCompare(b, 'en'));
  return [OFFICE_DEFAULT_ZONE, ...rest].map((zone) => {
    let offset: string;
    try {
      offset = utcOffsetOf(zone, now);
    } catch {
      return { value: zone, label: zone };
    }
    return { value: zone, label: `${zone} (${offset})` };
  });
}
