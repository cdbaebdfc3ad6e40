// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../../../src/shared/api/errors.ts';
import { DOCUMENT_KINDS } from '../../../../src/shared/domain/documentKind.ts';
import { DRAFT_STATUSES } from '../../../../src/shared/domain/draftStatus.ts';
import { LOCALES } from '../../../../src/shared/domain/settings.ts';
import { LOCAL_ERROR_CODES } from '../../../../src/renderer/api/clientError.ts';
import { KIND_KEYS, STATUS_KEYS } from '../../../../src/renderer/app/i18n/domainLabels.ts';
import { en } from '../../../../src/renderer/app/i18n/en.ts';
import { ERROR_MESSAGE_KEYS } from '../../../../src/renderer/app/i18n/errorMessageKey.ts';
import type { MessageKey } from '../../../../src/renderer/app/i18n/messageKey.ts';
import {
  dictionaries,
  placeholdersOf,
  translate,
} from '../../../../src/renderer/app/i18n/translate.ts';
import { zhCN } from '../../../../src/renderer/app/i18n/zhCN.ts';

const HAN = /\p{Script=Han}/u;

describe('dictionaries', () => {
  it('have exactly the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have a non-empty text for every key, with the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as MessageKey[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholdersOf(en[key]), key).toEqual(placeholdersOf(zhCN[key]));
    }
  });

  it('are in the language they claim (Chinese text in zh-CN; English apart from names of languages)', () => {
    // English texts that quote Chinese on purpose: a 文号 is Chinese, and so is what one searches for.
    const quotesChinese = new Set<MessageKey>([
      'meta.policyNumber',
      'meta.policyNumberHint',
      'drafts.filter.searchPlaceholder',
    ]);
    for (const key of Object.keys(zhCN) as MessageKey[]) {
      if (key.startsWith('lang.') || key === 'app.name') continue;
      expect(HAN.test(zhCN[key]), key).toBe(true);
      if (!quotesChinese.has(key)) expect(HAN.test(en[key]), key).toBe(false);
    }
  });
});

describe('error sentences', () => {
  it('exist for every contract error code and every client error code, in both languages', () => {
    for (const code of [...API_ERROR_CODES, ...LOCAL_ERROR_CODES]) {
      const key = ERROR_MESSAGE_KEYS[code];
      expect(key, code).toBe(`error.${code}`);
      for (const locale of LOCALES) {
        const sentence = translate(locale, key);
        expect(sentence.length, `${locale} ${code}`).toBeGreaterThan(10);
      }
    }
  });

  it('tell the user what to do on a conflict', () => {
    expect(translate('zh-CN', ERROR_MESSAGE_KEYS.conflict)).toContain('重新加载');
    expect(translate('en', ERROR_MESSAGE_KEYS.conflict)).toContain('Reload');
  });
});

describe('domain labels', () => {
  it('name every kind and status in both languages, with the office terms in Chinese', () => {
    expect(DOCUMENT_KINDS.map((k) => translate('zh-CN', KIND_KEYS[k]))).toEqual([
      '新闻稿',
      '政策解读',
      '通知公告',
      '征求意见',
    ]);
    for (const status of DRAFT_STATUSES) {
      for (const locale of LOCALES) expect(dictionaries[locale][STATUS_KEYS[status]]).toBeTruthy();
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'revisions.number', { n: 4 })).toBe('版本 4');
    expect(translate('en', 'revisions.number', { n: 4 })).toBe('Revision 4');
    expect(translate('en', 'revisions.number')).toBe('Revision {n}');
  });

  it('does not treat inherited properties as values', () => {
    expect(translate('en', 'notFound.body', {})).toBe('There is no page at “{path}”.');
  });
});
