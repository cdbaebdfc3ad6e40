// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../src/shared/api/contract.ts';
import {
  DRAFTS_PAGE_SIZE,
  draftListInput,
} from '../../../../src/renderer/features/drafts/draftListInput.ts';

describe('draftListInput', () => {
  it('leaves out "all" filters and pages by DRAFTS_PAGE_SIZE', () => {
    expect(draftListInput('all', 'all', 1)).toEqual({ limit: DRAFTS_PAGE_SIZE, offset: 0 });
    expect(draftListInput('notice', 'in_review', 3)).toEqual({
      kind: 'notice',
      status: 'in_review',
      limit: DRAFTS_PAGE_SIZE,
      offset: 2 * DRAFTS_PAGE_SIZE,
    });
  });

  it('is accepted by the contract as is', () => {
    for (const input of [
      draftListInput('all', 'all', 1),
      draftListInput('consultation', 'draft', 2),
    ]) {
      expect(contract['drafts.list'].input.safeParse(input).success).toBe(true);
    }
  });
});
