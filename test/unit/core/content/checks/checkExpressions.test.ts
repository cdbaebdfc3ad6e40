import { describe, expect, it } from 'vitest';
import { checkExpressions } from '../../../../../src/core/content/checks/checkExpressions.ts';
import { compileWordList } from '../../../../../src/core/content/checks/compileWordList.ts';
import { findExpressions } from '../../../../../src/core/content/checks/findExpressions.ts';
import { FindingSchema } from '../../../../../src/shared/content/finding.ts';
import { loadWordList } from '../../../../../src/core/content/checks/loadWordList.ts';
import { parseWordList } from '../../../../../src/core/content/checks/wordList.ts';

const shipped = compileWordList(loadWordList());
const found = (text: string) =>
  findExpressions(text, shipped).map((h) => [
    h.matched,
    h.entry.correct ?? null,
    text.slice(h.start, h.end),
  ]);

describe('sensitive and wrong expressions', () => {
  it('finds non-standard words in a report sentence, at their offsets, with the correct form', () => {
    const block =
      '我区按照省、市要求认真按排部暑，对其它相关部门做为重点督促对象，截止目前已全部公开。';
    const findings = checkExpressions({ blocks: ['一、概述', block], fields: [] }, shipped);
    expect(findings.map((f) => [f.location, f.suggestion, f.severity])).toEqual([
      [{ kind: 'body', blockIndex: 1, start: 11, end: 13 }, '安排', 'warn'],
      [{ kind: 'body', blockIndex: 1, start: 13, end: 15 }, '部署', 'warn'],
      [{ kind: 'body', blockIndex: 1, start: 17, end: 19 }, '其他', 'warn'],
      [{ kind: 'body', blockIndex: 1, start: 23, end: 25 }, '作为', 'warn'],
      [{ kind: 'body', blockIndex: 1, start: 32, end: 36 }, '截至目前', 'warn'],
    ]);
    for (const f of findings) {
      expect(FindingSchema.parse(f)).toEqual(f);
      const loc = f.location;
      if (loc.kind === 'body') expect(block.slice(loc.start, loc.end)).not.toBe(f.suggestion);
    }
    expect(findings[2]?.message.zh).toBe(
      '正文中的“其它”是不规范的表述，请改为“其他”。说明：公文统一用“其他”。',
    );
    expect(findings[2]?.message.en).toBe(
      '"其它" in the body is not the standard expression: replace it with "其他".',
    );
  });

  it('blocks politically wrong names, with or without a correct form', () => {
    const findings = checkExpressions(
      {
        blocks: ['会见中，台湾总统的说法被多次提及；中华民国一词不得用于1949年以后。'],
        fields: [],
      },
      shipped,
    );
    expect(findings.map((f) => [f.severity, f.suggestion])).toEqual([
      ['block', '台湾地区领导人'],
      ['block', undefined],
    ]);
    expect(findings[1]?.message.zh).toMatch(
      /^正文中的“中华民国”不宜在正式发布中使用，请修改或删除。说明：/,
    );
  });

  it('does not flag the correct forms', () => {
    expect(
      found('香港特区政府、澳门特区政府和台湾地区领导人；国务院办公厅；其他部门作为重点。'),
    ).toEqual([]);
  });

  it('checks fields, with offsets into the field text', () => {
    const findings = checkExpressions(
      { blocks: [], fields: [{ field: 'title', text: '区政府与香港政府签署合作协议' }] },
      shipped,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.location).toEqual({ kind: 'field', field: 'title', start: 4, end: 8 });
    expect(findings[0]?.message.zh).toMatch(/^标题中的“香港政府”/);
  });

  it('matches Latin terms in any case and width, mapping offsets back to the full-width original', () => {
    expect(found('公共场所ＷｉＦｉ全覆盖，wifi与WIFI均应规范。')).toEqual([
      ['ＷｉＦｉ', 'Wi-Fi', 'ＷｉＦｉ'],
      ['wifi', 'Wi-Fi', 'wifi'],
      ['WIFI', 'Wi-Fi', 'WIFI'],
    ]);
  });

  it('does not match a Latin term inside a longer Latin word', () => {
    expect(found('型号WiFiX与MyWiFi均为产品名')).toEqual([]);
  });

  it('reports the longest of overlapping terms once (leftmost-longest)', () => {
    const compiled = compileWordList(
      parseWordList({
        version: 1,
        updatedAt: '2025-06-01',
        entries: [
          { term: '政府', severity: 'warn', note: 'x' },
          { term: '香港政府', severity: 'warn', correct: '香港特区政府' },
          { term: '政府信息', severity: 'block', note: 'y' },
        ],
      }),
    );
    const hits = findExpressions('香港政府信息', compiled);
    expect(hits.map((h) => h.matched)).toEqual(['香港政府']);
    expect(findExpressions('本区政府信息', compiled).map((h) => h.matched)).toEqual(['政府信息']);
  });
});
