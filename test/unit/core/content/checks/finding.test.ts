import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../../../../src/core/content/checks/compareFindings.ts';
import { FindingSchema, type Finding } from '../../../../../src/shared/content/finding.ts';

const msg = { zh: '请修改。', en: 'Change it.' };

describe('Finding', () => {
  it('accepts each kind of location and refuses malformed ones', () => {
    const base = { checkId: 'expression', severity: 'warn', message: msg };
    expect(
      FindingSchema.safeParse({
        ...base,
        location: { kind: 'body', blockIndex: 0, start: 2, end: 4 },
      }).success,
    ).toBe(true);
    expect(
      FindingSchema.safeParse({ ...base, location: { kind: 'field', field: 'title' } }).success,
    ).toBe(true);
    expect(
      FindingSchema.safeParse({ ...base, location: { kind: 'channel', channel: 'weibo' } }).success,
    ).toBe(true);
    expect(
      FindingSchema.safeParse({
        ...base,
        location: { kind: 'body', blockIndex: 0, start: 4, end: 2 },
      }).success,
    ).toBe(false);
    expect(
      FindingSchema.safeParse({ ...base, location: { kind: 'field', field: 'title', start: 1 } })
        .success,
    ).toBe(false);
    expect(
      FindingSchema.safeParse({ ...base, location: { kind: 'channel', channel: 'twitter' } })
        .success,
    ).toBe(false);
    expect(
      FindingSchema.safeParse({
        ...base,
        severity: 'info',
        location: { kind: 'field', field: 'title' },
      }).success,
    ).toBe(false);
    expect(
      FindingSchema.safeParse({
        ...base,
        message: { zh: '', en: 'x' },
        location: { kind: 'field', field: 'title' },
      }).success,
    ).toBe(false);
  });

  it('orders by location (body in document order, fields in editor order, channels), then checkId', () => {
    const f = (
      location: Finding['location'],
      checkId: Finding['checkId'] = 'expression',
    ): Finding => ({
      checkId,
      severity: 'warn',
      location,
      message: msg,
    });
    const ordered = [
      f({ kind: 'body', blockIndex: 0, start: 3, end: 5 }, 'expression'),
      f({ kind: 'body', blockIndex: 0, start: 3, end: 5 }, 'link.insecure'),
      f({ kind: 'body', blockIndex: 0, start: 9, end: 10 }),
      f({ kind: 'body', blockIndex: 2, start: 0, end: 1 }),
      f({ kind: 'field', field: 'title' }),
      f({ kind: 'field', field: 'summary', start: 0, end: 2 }),
      f({ kind: 'field', field: 'policy.url' }),
      f({ kind: 'channel', channel: 'wechat' }),
      f({ kind: 'channel', channel: 'mastodon' }),
    ];
    const shuffled = [...ordered].reverse().sort(() => 0);
    expect(shuffled.sort(compareFindings)).toEqual(ordered);
  });
});
