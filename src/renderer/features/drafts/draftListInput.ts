import type { ApiInput } from '../../../shared/api/contract.ts';
import type { DocumentKind } from '../../../shared/domain/documentKind.ts';
import type { DraftStatus } from '../../../shared/domain/draftStatus.ts';

/** 'all' stands for "no filter" in the filter selects. */
export type KindFilter = DocumentKind | 'all';
export type StatusFilter = DraftStatus | 'all';

export const DRAFTS_PAGE_SIZE = 20;

/** The drafts.list input for the filters and the (1-based) page the table shows. */
export function draftListInput(
  kind: KindFilter,
  status: StatusFilter,
  page: number,
): ApiInput<'drafts.list'> {
  return {
    ...(kind === 'all' ? {} : { kind }),
    ...(status === 'all' ? {} : { status }),
    limit: DRAFTS_PAGE_SIZE,
    offset: (Math.max(1, Math.floor(page)) - 1) * DRAFTS_PAGE_SIZE,
  };
}
