import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

const knownZones = new Map<string, boolean>();

/** True when the runtime knows the IANA zone name (remembered: building a formatter is slow). */
function isTimeZone(name: string): boolean {
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(name, known);
  }
  return known;
}

export const TimeZoneSchema = z
  .string()
  .min(1)
  .refine(isTimeZone, { message: 'Not a known IANA time zone (e.g. Asia/Shanghai).' });

/** The office-wide settings. Every field has a default, so a new desk works at once. */
export const SettingsSchema = z.object({
  locale: LocaleSchema,
  /** The office's time zone: every time is shown and scheduled in it. */
  timeZone: TimeZoneSchema,
  /** The issuing office's name, shown in the title bar and used as the default source. */
  officeName: z.string().trim().max(100),
  /**
   * The name this desk records as the author of drafts and revisions. Empty: the computer's
   * user name. (Local profiles with roles replace this when review and approval arrive.)
   */
  personName: z.string().trim().max(100),
  /** The switch that holds every scheduled and queued publication (nothing new goes out). */
  publishingPaused: z.boolean(),
  /**
   * A scheduled publication whose time passed more than this many minutes ago while PressDesk
   * was closed, asleep or paused is "missed": it waits for a person instead of going out late.
   */
  missedWindowMinutes: z.number().int().min(1).max(1440),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  officeName: '',
  personName: '',
  publishingPaused: false,
  missedWindowMinutes: 30,
};

/** A change to some settings; unknown keys are refused so a typo is not silently dropped. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
