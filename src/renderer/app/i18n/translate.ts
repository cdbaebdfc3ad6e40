import type { Locale } from '../../../shared/domain/settings.ts';
import { en } from './en.ts';
import type { MessageKey } from './messageKey.ts';
import { zhCN } from './zhCN.ts';

export type MessageParams = Readonly<Record<string, string | number>>;

export const dictionaries: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  'zh-CN': zhCN,
  en,
};

/**
 * The text of `key` in `locale`, with each `{name}` replaced by params[name]. A placeholder
 * without a value stays visible as `{name}`, so a missing value shows up in review instead of
 * silently vanishing.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The `{name}` placeholders a text uses, sorted: both languages must use the same set. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
