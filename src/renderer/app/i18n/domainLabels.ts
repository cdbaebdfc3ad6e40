import type { DocumentKind } from '../../../shared/domain/documentKind.ts';
import type { DraftStatus } from '../../../shared/domain/draftStatus.ts';
import type { MessageKey } from './messageKey.ts';

/** The name of each document kind. A Record: a new kind does not compile without one. */
export const KIND_KEYS: Readonly<Record<DocumentKind, MessageKey>> = {
  press_release: 'kind.press_release',
  policy_interpretation: 'kind.policy_interpretation',
  notice: 'kind.notice',
  consultation: 'kind.consultation',
};

/** The name of each draft status. A Record: a new status does not compile without one. */
export const STATUS_KEYS: Readonly<Record<DraftStatus, MessageKey>> = {
  draft: 'status.draft',
  in_review: 'status.in_review',
  approved: 'status.approved',
  published: 'status.published',
  retracted: 'status.retracted',
};
