// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { issuesByField } from '../../../../src/renderer/app/errors/issuesByField.ts';

describe('issuesByField', () => {
  it('puts each issue under its field by the first path segment, and keeps the rest', () => {
    const result = issuesByField(
      [
        { path: 'timeZone', message: 'Not a known IANA time zone (e.g. Asia/Shanghai).' },
        { path: 'officeName', message: 'Too long' },
        { path: 'officeName', message: 'Second' },
        { path: 'meta.subtitle', message: 'At most 200 characters.' },
        { path: '', message: 'Unrecognized key: "colour"' },
      ],
      ['locale', 'timeZone', 'officeName'] as const,
    );
    expect(result.byField).toEqual({
      timeZone: ['Not a known IANA time zone (e.g. Asia/Shanghai).'],
      officeName: ['Too long', 'Second'],
    });
    expect(result.rest.map((i) => i.path)).toEqual(['meta.subtitle', '']);
  });
});
