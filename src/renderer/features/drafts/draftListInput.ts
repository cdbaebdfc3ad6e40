import type { ApiInput } from '../../../shared/api/contract.ts';
import type { DocumentKind } from '../../../shared/domain/documentKind.ts';
import type { DraftStatus } from '../../../shared/domain/draftStatus.ts';
import { officeDayRange } from '../../../shared/time/officeTime.ts';

/** 'all' stands for "no filter" in the filter selects. */
export type KindFilter = DocumentKind | 'all';
export type StatusFilter = DraftStatus | 'all';
export type DraftSortKey = 'updatedAt' | 'createdAt' | 'title';

/** What the drafts list shows: filters, search, sort and page, as the person set them. */
export interface DraftListView {
  kind: KindFilter;
  status: StatusFilter;
  /** Name of the person who created the drafts; '' for everyone. */
  author: string;
  /** Office calendar days ('YYYY-MM-DD'), inclusive, on the last-saved time; undefined: open. */
  from: string | undefined;
  to: string | undefined;
  query: string;
  sort: DraftSortKey;
  order: 'asc' | 'desc';
  page: number;
}

export const DRAFTS_PAGE_SIZE = 20;

export const DEFAULT_VIEW: DraftListView = {
  kind: 'all',
  status: 'all',
  author: '',
  from: undefined,
  to: undefined,
  query: '',
  sort: 'updatedAt',
  order: 'desc',
  page: 1,
};

export function isFiltered(view: DraftListView): boolean {
  return (
    view.kind !== 'all' ||
    view.status !== 'all' ||
    view.author.trim() !== '' ||
    view.from !== undefined ||
    view.to !== undefined ||
    view.query.trim() !== ''
  );
}

/** The drafts.list input for a view; dates are whole days in the office's time zone. */
export function draftListInput(view: DraftListView, timeZone: string): ApiInput<'drafts.list'> {
  const range =
    view.from !== undefined || view.to !== undefined
      ? officeDayRange(view.from ?? '1970-01-01', view.to ?? '9999-12-30', timeZone)
      : undefined;
  return {
    ...(view.kind === 'all' ? {} : { kind: view.kind }),
    ...(view.status === 'all' ? {} : { status: view.status }),
    ...(view.author.trim() ? { createdBy: view.author.trim() } : {}),
    ...(range && view.from !== undefined ? { updatedFrom: range.from } : {}),
    ...(range && view.to !== undefined ? { updatedBefore: range.before } : {}),
    ...(view.query.trim() ? { query: view.query.trim() } : {}),
    sort: view.sort,
    order: view.order,
    limit: DRAFTS_PAGE_SIZE,
    offset: (Math.max(1, Math.floor(view.page)) - 1) * DRAFTS_PAGE_SIZE,
  };
}
