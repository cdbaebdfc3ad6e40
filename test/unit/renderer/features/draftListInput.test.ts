// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../src/shared/api/contract.ts';
import {
  DEFAULT_VIEW,
  DRAFTS_PAGE_SIZE,
  draftListInput,
  isFiltered,
} from '../../../../src/renderer/features/drafts/draftListInput.ts';

describe('draftListInput', () => {
  it('leaves out "all" filters and pages by DRAFTS_PAGE_SIZE', () => {
    expect(draftListInput(DEFAULT_VIEW, 'Asia/Shanghai')).toEqual({
      sort: 'updatedAt',
      order: 'desc',
      limit: DRAFTS_PAGE_SIZE,
      offset: 0,
    });
    expect(
      draftListInput(
        { ...DEFAULT_VIEW, kind: 'notice', status: 'in_review', page: 3 },
        'Asia/Shanghai',
      ),
    ).toMatchObject({
      kind: 'notice',
      status: 'in_review',
      limit: DRAFTS_PAGE_SIZE,
      offset: 2 * DRAFTS_PAGE_SIZE,
    });
  });

  it('turns office days into UTC bounds and trims the search and author', () => {
    const input = draftListInput(
      { ...DEFAULT_VIEW, from: '2026-11-01', to: '2026-11-30', query: ' 公开 ', author: ' 王芳 ' },
      'Asia/Shanghai',
    );
    expect(input).toMatchObject({
      updatedFrom: '2026-10-31T16:00:00.000Z',
      updatedBefore: '2026-11-30T16:00:00.000Z',
      query: '公开',
      createdBy: '王芳',
    });
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, query: '公开' })).toBe(true);
  });

  it('is accepted by the contract as is', () => {
    for (const input of [
      draftListInput(DEFAULT_VIEW, 'Asia/Shanghai'),
      draftListInput(
        {
          ...DEFAULT_VIEW,
          kind: 'consultation',
          status: 'draft',
          page: 2,
          to: '2026-01-31',
          sort: 'title',
          order: 'asc',
        },
        'Europe/Berlin',
      ),
    ]) {
      expect(contract['drafts.list'].input.safeParse(input).success).toBe(true);
    }
  });
});
