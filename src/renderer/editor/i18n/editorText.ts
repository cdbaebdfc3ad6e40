import type { Locale } from '../../../shared/domain/settings.ts';
import type { EditorMessageKey } from './editorMessageKey.ts';
import { en } from './en.ts';
import { zhCN } from './zhCN.ts';

export type EditorTextParams = Readonly<Record<string, string | number>>;

export const editorDictionaries: Readonly<
  Record<Locale, Readonly<Record<EditorMessageKey, string>>>
> = { 'zh-CN': zhCN, en };

/**
 * The text of `key` in `locale`, with each `{name}` replaced by params[name]. A placeholder
 * without a value stays visible as `{name}`, so a missing value shows up in review instead of
 * silently vanishing (the same rule as the app's translate()).
 */
export function editorText(
  locale: Locale,
  key: EditorMessageKey,
  params?: EditorTextParams,
): string {
  const text = editorDictionaries[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export type EditorTranslate = (key: EditorMessageKey, params?: EditorTextParams) => string;
