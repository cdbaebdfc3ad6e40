import type { MessageKey } from '../i18n/messageKey.ts';
import { SECTIONS, type Section } from './route.ts';

/** The label of each section in the navigation. */
export const NAV_LABEL_KEYS: Readonly<Record<Section, MessageKey>> = {
  drafts: 'nav.drafts',
  calendar: 'nav.calendar',
  queue: 'nav.queue',
  history: 'nav.history',
  channels: 'nav.channels',
  review: 'nav.review',
  settings: 'nav.settings',
};

/** The navigation, in SECTIONS order. */
export const NAV_ITEMS: readonly { section: Section; labelKey: MessageKey }[] = SECTIONS.map(
  (section) => ({ section, labelKey: NAV_LABEL_KEYS[section] }),
);
