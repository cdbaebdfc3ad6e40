import { describe, expect, it } from 'vitest';
import { checkPersonalData } from '../../../../../src/core/content/checks/checkPersonalData.ts';
import { findPersonalData } from '../../../../../src/core/content/checks/findPersonalData.ts';
import {
  idCardCheckDigit,
  isValidIdCardNumber,
} from '../../../../../src/core/content/checks/idCardNumber.ts';
import { fictionalId } from './fixtures.ts';

const TODAY = '2025-06-01';
// Fictional numbers: 1900-01-01 and 2000-02-29 births, sequence 000 / 001.
const ID_A = fictionalId('11010519000101000');
const ID_B = fictionalId('32061220000229001');
// One whose check character is X.
const ID_X = (() => {
  for (let seq = 0; seq < 1000; seq++) {
    const id = fictionalId(`32061219000101${String(seq).padStart(3, '0')}`);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check digit in range');
})();

const kinds = (text: string) =>
  findPersonalData(text, TODAY).map((h) => [h.kind, text.slice(h.start, h.end)]);

describe('resident ID numbers', () => {
  it('computes the MOD 11-2 check character like an independent implementation', () => {
    for (const id of [ID_A, ID_B, ID_X]) expect(idCardCheckDigit(id.slice(0, 17))).toBe(id[17]);
    expect(() => idCardCheckDigit('1234')).toThrow();
  });

  it('accepts valid numbers, x in either case', () => {
    expect(isValidIdCardNumber(ID_A, TODAY)).toBe(true);
    expect(isValidIdCardNumber(ID_B, TODAY)).toBe(true);
    expect(isValidIdCardNumber(ID_X.toLowerCase(), TODAY)).toBe(true);
  });

  it('refuses near misses: wrong check digit, impossible or future dates, region 0 or 9, before 1900', () => {
    const wrongCheck = ID_A.slice(0, 17) + (ID_A[17] === '0' ? '1' : '0');
    expect(isValidIdCardNumber(wrongCheck, TODAY)).toBe(false);
    // The brief's example: its check character would be 2, so 4 is a statistic, not an ID.
    expect(fictionalId('11010519900101123')).toBe('110105199001011232');
    expect(isValidIdCardNumber('110105199001011234', TODAY)).toBe(false);
    expect(isValidIdCardNumber(fictionalId('11010519000230000'), TODAY)).toBe(false); // 30 Feb
    expect(isValidIdCardNumber(fictionalId('11010519010229000'), TODAY)).toBe(false); // 1901 not leap
    expect(isValidIdCardNumber(fictionalId('11010519001301000'), TODAY)).toBe(false); // month 13
    expect(isValidIdCardNumber(fictionalId('11010520250602000'), TODAY)).toBe(false); // tomorrow
    expect(isValidIdCardNumber(fictionalId('11010520250601000'), TODAY)).toBe(true); // today
    expect(isValidIdCardNumber(fictionalId('91010519000101000'), TODAY)).toBe(false);
    expect(isValidIdCardNumber(fictionalId('01010519000101000'), TODAY)).toBe(false);
    expect(isValidIdCardNumber(fictionalId('11010518991231000'), TODAY)).toBe(false);
  });

  it('finds a valid number in a sentence, not one inside a longer run of digits', () => {
    expect(kinds(`申请人王某（身份证号${ID_A}）提交了依申请公开申请。`)).toEqual([
      ['id-card', ID_A],
    ]);
    expect(kinds(`编号9${ID_A}`)).toEqual([]);
    expect(kinds(`编号${ID_A}7`)).toEqual([]);
  });

  it('does not report statistics that fail the check digit', () => {
    expect(kinds('全区主动公开各类政府信息，流水号110105199001011234。')).toEqual([]);
  });

  it('finds numbers typed with full-width digits (a reader sees the same number), offsets in the original', () => {
    const wide = ID_B.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const text = `身份证：${wide}。`;
    expect(kinds(text)).toEqual([['id-card', wide]]);
  });
});

describe('mobile numbers', () => {
  it('finds plain, +86/86-prefixed and 3-4-4 grouped numbers', () => {
    expect(kinds('联系人：张科长，电话13812345678。')).toEqual([['mobile', '13812345678']]);
    expect(kinds('电话+86 138 1234 5678，或8613912345678')).toEqual([
      ['mobile', '+86 138 1234 5678'],
      ['mobile', '8613912345678'],
    ]);
    expect(kinds('手机159-1234-5678')).toEqual([['mobile', '159-1234-5678']]);
    expect(kinds('手机１５９　１２３４　５６７８')).toEqual([
      ['mobile', '１５９　１２３４　５６７８'],
    ]);
  });

  it('ignores near misses: second digit 0-2, longer runs, mixed separators, landlines and hotlines', () => {
    expect(kinds('号码12812345678')).toEqual([]);
    expect(kinds('流水号213812345678')).toEqual([]);
    expect(kinds('编号138123456789')).toEqual([]);
    expect(kinds('手机138 1234-5678')).toEqual([]);
    expect(kinds('区12345政府服务热线，办公电话0513-86123456。')).toEqual([]);
  });

  it('reports as confirm, naming only the last four digits', () => {
    const findings = checkPersonalData({
      blocks: ['联系人：张科长，电话13812345678。'],
      fields: [{ field: 'howToRespond', text: `请联系${ID_A}` }],
      today: TODAY,
    });
    expect(findings.map((f) => [f.checkId, f.severity, f.location])).toEqual([
      ['personal-data.mobile', 'confirm', { kind: 'body', blockIndex: 0, start: 10, end: 21 }],
      [
        'personal-data.id-card',
        'confirm',
        { kind: 'field', field: 'howToRespond', start: 3, end: 21 },
      ],
    ]);
    expect(findings[0]?.message.zh).toContain('尾号5678');
    expect(JSON.stringify(findings)).not.toContain('13812345678');
  });

  it('notes a number a person confirmed as publishable instead of asking again, by a key that is not the number', () => {
    const first = checkPersonalData({
      blocks: ['咨询电话：138-1234-5678。'],
      fields: [],
      today: TODAY,
    });
    const key = first[0]?.personalData?.key ?? '';
    expect(first[0]).toMatchObject({ severity: 'confirm', personalData: { confirmed: false } });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('13812345678');
    // The same number written differently is the same key.
    const again = checkPersonalData({
      blocks: ['请拨打 +86 13812345678'],
      fields: [],
      today: TODAY,
      confirmed: new Set([key]),
    });
    expect(again[0]).toMatchObject({ severity: 'warn', personalData: { key, confirmed: true } });
    expect(again[0]?.message.zh).toContain('已确认可以公开');
  });
});
