import { useCallback, useContext } from 'react';
import { EditorLocaleContext } from './editorLocaleContext.ts';
import { editorText, type EditorTranslate } from './editorText.ts';

/** The editor's translate function for its current locale; stable until the locale changes. */
export function useEditorText(): EditorTranslate {
  const locale = useContext(EditorLocaleContext);
  return useCallback((key, params) => editorText(locale, key, params), [locale]);
}
