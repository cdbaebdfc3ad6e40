import { describe, expect, it } from 'vitest';
import { compileWordList } from '../../../../../src/core/content/checks/compileWordList.ts';
import { FindingSchema } from '../../../../../src/shared/content/finding.ts';
import { loadWordList } from '../../../../../src/core/content/checks/loadWordList.ts';
import {
  blocking,
  needsConfirmation,
  runChecks,
  type CheckInput,
} from '../../../../../src/core/content/checks/runChecks.ts';
import {
  doc,
  fictionalId,
  hash,
  image,
  link,
  mediaItem,
  meta,
  para,
  REPORT,
  text,
} from './fixtures.ts';

const wordList = compileWordList(loadWordList());

function input(over: Partial<CheckInput> = {}): CheckInput {
  return {
    doc: doc(
      { type: 'heading', tag: 'h1', children: [text('一、概述')] },
      para(text(REPORT[0] ?? '')),
      para(
        text('对其它部门，详见'),
        link('http://www.example.gov.cn/', '区政府门户网站'),
        text('。'),
        image(hash('a')),
      ),
      para(text(`申请人身份证号${fictionalId('11010519000101000')}，联系电话13812345678。`)),
    ),
    title: '区政府召开2016年政务公开工作新闻发布会',
    meta: meta({ summary: '香港政府代表团到访', coverImage: hash('c') }),
    wordList,
    today: '2025-06-01',
    media: new Map(
      [mediaItem('a'), mediaItem('c', { byteLength: 12_000_000 })].map((m) => [m.hash, m]),
    ),
    channels: ['wechat', 'weibo'],
    measures: [
      {
        channel: 'wechat',
        title: 20,
        author: 0,
        digest: 54,
        contentChars: 300,
        contentBytes: 2_000,
        hasCover: true,
      },
      { channel: 'weibo', textLength: 150 },
    ],
    ...over,
  };
}

describe('runChecks', () => {
  it('combines every check, in location order then checkId', () => {
    const findings = runChecks(input());
    for (const f of findings) expect(FindingSchema.parse(f)).toEqual(f);
    expect(findings.map((f) => [f.checkId, f.severity, f.location])).toEqual([
      ['expression', 'warn', { kind: 'body', blockIndex: 2, start: 1, end: 3 }],
      ['link.insecure', 'warn', { kind: 'body', blockIndex: 2, start: 8, end: 15 }],
      ['image.alt-missing', 'block', { kind: 'body', blockIndex: 2, start: 16, end: 16 }],
      ['personal-data.id-card', 'confirm', { kind: 'body', blockIndex: 3, start: 7, end: 25 }],
      ['personal-data.mobile', 'confirm', { kind: 'body', blockIndex: 3, start: 30, end: 41 }],
      ['expression', 'warn', { kind: 'field', field: 'summary', start: 0, end: 4 }],
      ['image.too-large', 'block', { kind: 'channel', channel: 'wechat' }],
      ['channel.text-too-long', 'block', { kind: 'channel', channel: 'weibo' }],
      ['image.too-large', 'block', { kind: 'channel', channel: 'weibo' }],
    ]);
  });

  it('is deterministic whatever the order of channels and measures', () => {
    const a = runChecks(input());
    const base = input();
    const b = runChecks({
      ...base,
      channels: [...base.channels].reverse(),
      measures: [...base.measures].reverse(),
    });
    expect(b).toEqual(a);
  });

  it('separates what blocks from what needs a person to confirm', () => {
    const findings = runChecks(input());
    expect(blocking(findings).map((f) => f.checkId)).toEqual([
      'image.alt-missing',
      'image.too-large',
      'channel.text-too-long',
      'image.too-large',
    ]);
    expect(needsConfirmation(findings).map((f) => f.checkId)).toEqual([
      'personal-data.id-card',
      'personal-data.mobile',
    ]);
  });

  it('finds nothing in a clean release', () => {
    const clean = input({
      doc: doc(...REPORT.map((line) => para(text(line)))),
      meta: meta({ coverImage: hash('c') }),
      media: new Map([mediaItem('c')].map((m) => [m.hash, m])),
      measures: [{ channel: 'weibo', textLength: 120 }],
    });
    expect(runChecks(clean)).toEqual([]);
  });
});
