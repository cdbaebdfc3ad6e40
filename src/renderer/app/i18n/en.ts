import type { MessageKey } from './messageKey.ts';

/**
 * The interface in English. Typed as a Record over zh-CN's keys, so the compiler rejects a
 * missing or an extra key. Same `{name}` placeholders as zh-CN (a unit test checks them).
 */
export const en: Record<MessageKey, string> = {
  'app.name': 'PressDesk',

  'lang.zh-CN': '简体中文',
  'lang.en': 'English',

  'shell.skipToContent': 'Skip to main content',
  'shell.navLabel': 'Main navigation',
  'shell.languageLabel': 'Interface language',
  'shell.languageNotSaved':
    'The language was switched, but it could not be saved to the settings; the next start may show the previous language.',
  'shell.settingsNotLoaded':
    'The office settings could not be read; the defaults are shown for now (time zone Asia/Shanghai).',

  'nav.drafts': 'Drafts',
  'nav.calendar': 'Calendar',
  'nav.queue': 'Queue',
  'nav.history': 'History',
  'nav.channels': 'Channels',
  'nav.review': 'Review',
  'nav.settings': 'Settings',

  'kind.press_release': 'Press release',
  'kind.policy_interpretation': 'Policy interpretation',
  'kind.notice': 'Notice',
  'kind.consultation': 'Public consultation',

  'status.draft': 'Draft',
  'status.in_review': 'In review',
  'status.approved': 'Approved',
  'status.published': 'Published',
  'status.retracted': 'Retracted',

  'common.retry': 'Retry',
  'common.reload': 'Reload',
  'common.cancel': 'Cancel',
  'common.untitled': '(untitled)',
  'common.detail': 'Details: {detail}',

  'drafts.title': 'Drafts',
  'drafts.new': 'New draft',
  'drafts.filters': 'Filter drafts',
  'drafts.filter.kind': 'Kind',
  'drafts.filter.status': 'Status',
  'drafts.filter.all': 'All',
  'drafts.clearFilters': 'Clear filters',
  'drafts.col.title': 'Title',
  'drafts.col.kind': 'Kind',
  'drafts.col.status': 'Status',
  'drafts.col.updatedAt': 'Last saved',
  'drafts.summary': 'Total: {total}. Times are shown in the office time zone, {timeZone}.',
  'drafts.empty':
    'No drafts yet. Click “New draft”, choose the kind of document and give it a title to start writing; every draft you create is listed here.',
  'drafts.emptyFiltered': 'No drafts match these filters.',
  'drafts.loadFailed': 'The drafts could not be loaded',
  'drafts.tableCaption': 'Drafts, most recently saved first',

  'newDraft.title': 'New draft',
  'newDraft.kind': 'Kind of document',
  'newDraft.kindRequired': 'Choose the kind of document.',
  'newDraft.titleLabel': 'Title',
  'newDraft.titleHelp': 'You can add it later.',
  'newDraft.submit': 'Create and open',
  'newDraft.failed': 'The draft was not created',

  'draft.back': 'Back to drafts',
  'draft.facts': 'About this draft',
  'draft.kind': 'Kind',
  'draft.status': 'Status',
  'draft.version': 'Version',
  'draft.createdAt': 'Created',
  'draft.updatedAt': 'Last saved',
  'draft.timeZoneNote': 'Times are shown in the office time zone, {timeZone}.',
  'draft.titleLabel': 'Title',
  'draft.saveTitle': 'Save title',
  'draft.saved': 'Title saved (version {version}).',
  'draft.saveFailed': 'The title was not saved',
  'draft.unsavedTitle':
    'Your unsaved title: “{title}”. After reloading you can enter it and save again.',
  'draft.changedElsewhere': 'This draft was updated elsewhere; it is now version {version}.',
  'draft.changedElsewhereHint':
    'Reload before changing the title, so that you do not overwrite the other change.',
  'draft.notFound': 'Draft not found',
  'draft.notFoundHint': 'It may have been deleted, or the link is wrong.',
  'draft.loadFailed': 'The draft could not be loaded',
  'draft.bodyHeading': 'Body',
  'draft.editorPending': 'The body editor is still being built and will come in a later version.',

  'settings.title': 'Settings',
  'settings.office': 'Office settings',
  'settings.language': 'Interface language',
  'settings.timeZone': 'Office time zone',
  'settings.timeZoneHelp': 'Every time is shown and scheduled in this zone.',
  'settings.officeName': 'Office name',
  'settings.officeNameHelp': 'Shown in the title bar and used as the default source of releases.',
  'settings.personName': 'Your name',
  'settings.personNameHelp':
    'Recorded as the author of drafts and revisions; when empty, the computer’s user name is used.',
  'settings.save': 'Save settings',
  'settings.saved': 'Settings saved.',
  'settings.saveFailed': 'The settings were not saved',
  'settings.loadFailed': 'The settings could not be read',
  'settings.fieldIssue': 'Not accepted: {detail}',
  'settings.about': 'Data and version',
  'settings.aboutHint':
    'Drafts and settings are kept in the data folder below. To back them up, copy the whole folder while the app is closed.',
  'settings.infoLoadFailed': 'The app information could not be read',

  'info.version': 'Version',
  'info.runtime': 'Runtime',
  'info.runtime.electron': 'Desktop app (Electron)',
  'info.runtime.headless': 'In a browser (headless host)',
  'info.dataDir': 'Data folder',
  'info.databasePath': 'Database file',
  'info.schemaVersion': 'Database schema version',
  'info.sqliteVersion': 'SQLite version',
  'info.nodeVersion': 'Node.js version',

  'notBuilt.status': 'Not available yet',
  'calendar.title': 'Calendar',
  'calendar.body':
    'Calendar: not available yet. It will show scheduled releases on a calendar in the office time zone, to plan and move publishing times.',
  'queue.title': 'Queue',
  'queue.body':
    'Queue: not available yet. It will show the publishing jobs that are waiting, being retried, or need a person to confirm them.',
  'history.title': 'History',
  'history.body':
    'History: not available yet. It will list every publication with its channel, time, outcome and link, searchable by time and channel.',
  'channels.title': 'Channels',
  'channels.body':
    'Channels: not available yet. It will manage the publishing accounts for the government portal, Weibo, the WeChat Official Account, Mastodon and the district app, and show whether each is connected.',
  'review.title': 'Review',
  'review.body':
    'Review: not available yet. It will list the drafts awaiting review, for a supervisor to read, approve or send back.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at “{path}”.',
  'notFound.back': 'Go to the drafts',

  'unauthorized.title': 'Access token needed',
  'unauthorized.body':
    'This page does not carry this run’s access token. Open the address that was printed in the terminal when PressDesk started (it contains ?token=…), not just the host and port.',

  'error.invalid_input': 'Some input was not accepted. Correct what is marked and try again.',
  'error.unknown_method':
    'The running app does not have this function. Update the interface and the app to the same version.',
  'error.not_found': 'The record does not exist; it may have been deleted.',
  'error.conflict':
    'The draft was saved elsewhere in the meantime. Reload it, then apply your change again.',
  'error.unauthorized':
    'The access token is missing. Open PressDesk again with the address printed in the terminal.',
  'error.forbidden_sender': 'The request did not come from PressDesk’s own window and was refused.',
  'error.storage':
    'The database or the data folder failed, and the action was not completed. Follow the instructions below.',
  'error.internal':
    'The app hit an internal error, which was logged. Try again later; if it keeps happening, give technical support the reference below.',
  'error.unreachable':
    'The app cannot be reached. Check that PressDesk is still running, then retry.',
  'error.malformed_response':
    'The app answered with something unrecognisable. Check that this is PressDesk’s address, then retry.',
  'error.unexpected_output':
    'The app answered with data this version of the interface does not expect. Update the interface and the app to the same version.',
};
