import type { PublicationState } from '../../../shared/publish/publicationState.ts';
import type { MessageKey } from '../../app/i18n/messageKey.ts';

/** Each state's name and tag colour (Ant Design preset colours, text readable on them). */
export const PUBLICATION_STATE_LABELS: Readonly<
  Record<PublicationState, { key: MessageKey; color: string }>
> = {
  scheduled: { key: 'publication.state.scheduled', color: 'blue' },
  queued: { key: 'publication.state.queued', color: 'geekblue' },
  sending: { key: 'publication.state.sending', color: 'processing' },
  publishing: { key: 'publication.state.publishing', color: 'processing' },
  retrying: { key: 'publication.state.retrying', color: 'gold' },
  reconciling: { key: 'publication.state.reconciling', color: 'gold' },
  published: { key: 'publication.state.published', color: 'green' },
  failed: { key: 'publication.state.failed', color: 'red' },
  needs_reauth: { key: 'publication.state.needs_reauth', color: 'red' },
  unknown: { key: 'publication.state.unknown', color: 'volcano' },
  missed: { key: 'publication.state.missed', color: 'volcano' },
  cancelled: { key: 'publication.state.cancelled', color: 'default' },
  retracted: { key: 'publication.state.retracted', color: 'default' },
};
