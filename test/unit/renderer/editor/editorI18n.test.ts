// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { EditorMessageKey } from '../../../../src/renderer/editor/i18n/editorMessageKey.ts';
import { editorText } from '../../../../src/renderer/editor/i18n/editorText.ts';
import { en } from '../../../../src/renderer/editor/i18n/en.ts';
import { zhCN } from '../../../../src/renderer/editor/i18n/zhCN.ts';
import { placeholdersOf } from '../../../../src/renderer/app/i18n/translate.ts';

const HAN = /\p{Script=Han}/u;
/** English labels that show the Chinese numbering they stand for. */
const SHOWS_CHINESE = new Set<EditorMessageKey>(['block.h1', 'block.h2']);
/** Patterns without words: only punctuation around placeholders. */
const NO_WORDS = new Set<EditorMessageKey>(['toolbar.withShortcut']);

describe('the editor’s dictionaries', () => {
  it('have the same keys, non-empty texts and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as EditorMessageKey[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(zhCN[key]));
    }
  });

  it('are in the language they claim', () => {
    for (const key of Object.keys(zhCN) as EditorMessageKey[]) {
      if (!NO_WORDS.has(key)) expect(HAN.test(zhCN[key]), key).toBe(true);
      if (!SHOWS_CHINESE.has(key)) expect(HAN.test(en[key]), key).toBe(false);
    }
  });

  it('fill placeholders and show a missing one as it is', () => {
    expect(editorText('zh-CN', 'image.uploading', { name: '现场.png' })).toBe(
      '正在上传图片“现场.png”……',
    );
    expect(editorText('en', 'image.uploading')).toBe('Uploading the image “{name}”…');
  });
});
