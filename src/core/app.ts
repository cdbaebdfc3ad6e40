import type { ApiHandlers, ApiOutput } from '../shared/api/contract.ts';
import type { Envelope } from '../shared/api/envelope.ts';
import type { RevisionRef } from '../shared/domain/draft.ts';
import { invoke } from './api/invoke.ts';
import { systemClock, type Clock } from './clock.ts';
import { DraftsRepository } from './drafts/draftsRepository.ts';
import { EventBus } from './events/eventBus.ts';
import { fileLogger, type Logger } from './log/logger.ts';
import { SettingsRepository } from './settings/settingsRepository.ts';
import { openDatabase } from './store/openDatabase.ts';
import { compareRevisions } from './drafts/compareRevisions.ts';
import { MediaLibrary } from './media/mediaLibrary.ts';
import { userInfo } from 'node:os';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileWordList } from './content/checks/compileWordList.ts';
import { loadWordList } from './content/checks/loadWordList.ts';
import { CustomWordListStore } from './content/checks/customWordListStore.ts';
import { mergeWordLists, WordListError, type WordList } from './content/checks/wordList.ts';
import { DeskError } from './errors.ts';
import { previewDraft } from './content/previewDraft.ts';
import { zonedDate } from '../shared/time/officeTime.ts';
import { APP_NAME, APP_VERSION } from './version.ts';
import { AccountsRepository } from './accounts/accountsRepository.ts';
import { AccountAdapters } from './accounts/accountAdapters.ts';
import type { SandboxChannels } from './channels/sandbox/sandboxChannels.ts';
import type { ChannelHttp } from './channels/channelHttp.ts';
import { keyFileSecretBox } from './secrets/keyFileSecretBox.ts';
import type { SecretBox } from './secrets/secretBox.ts';
import { CHANNEL_IDS, type ChannelId } from '../shared/content/channelId.ts';
import { OutboxRepository } from './publish/outboxRepository.ts';
import { Dispatcher, type DispatcherTimers } from './publish/dispatcher.ts';
import { Publishing } from './publish/publishing.ts';
import type { Draft } from '../shared/domain/draft.ts';
import type { PublicationState } from '../shared/publish/publicationState.ts';
import { NetworkStatus } from './network/networkStatus.ts';
import { ChangesRepository } from './publish/changesRepository.ts';
import { ReleaseChanges } from './publish/releaseChanges.ts';
import type { AccountSettings } from '../shared/channels/accountSettings.ts';

export interface CreateAppOptions {
  /** Where the database, logs and media live. */
  dataDir: string;
  /** Which host runs the app; reported by app.info. */
  runtime: 'electron' | 'headless';
  clock?: Clock;
  logger?: Logger;
  /** Path of Electron's build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string | undefined;
  /**
   * Seals account secrets. The desktop shell passes one over safeStorage; headless (and by
   * default) a key file in the data folder.
   */
  secretBox?: SecretBox | undefined;
  /** The sandbox channels of this session, when started (sandbox accounts use them). */
  sandbox?: SandboxChannels | undefined;
  /** HTTP for every adapter (tests); default: each channel's own got client. */
  channelHttp?: ChannelHttp | undefined;
  /** The host's network signal (default: always online until a host says otherwise). */
  network?: NetworkStatus | undefined;
  /**
   * Tuning of the dispatcher for tests and benchmarks: `random` draws the jitter of the retry
   * backoff (0 retries at once, honouring only Retry-After); `minIntervalMs` paces channels.
   */
  dispatcherTuning?:
    | {
        random?: (() => number) | undefined;
        minIntervalMs?: ((channel: ChannelId, sandbox: boolean) => number) | undefined;
        /** The dispatcher's timers (a test drives them in virtual time with its clock). */
        timers?: DispatcherTimers | undefined;
        /** How long a lost request may still land (see REQUEST_SETTLE_MS); tests pass less. */
        settleMs?: number | undefined;
      }
    | undefined;
  /** Start the outbox's dispatcher (default true); tests of other parts may leave it off. */
  dispatch?: boolean | undefined;
}

/** The application: everything the contract needs, and nothing of Electron or HTTP. */
export interface DeskApp {
  readonly handlers: ApiHandlers;
  readonly events: EventBus;
  readonly log: Logger;
  /** The media library, for the hosts to serve images from (GET /media/<hash>). */
  readonly media: MediaLibrary;
  /** The network signal the host feeds (Electron's online state, or the headless probe). */
  readonly network: NetworkStatus;
  /** The host names of the real (non-sandbox) accounts: what the headless probe resolves. */
  probeHosts(): string[];
  /** Runs one untrusted call through validation and the envelope (see invoke). */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /**
   * Closes at once. A publication whose request is in flight stays 'sending' in the store and
   * is reconciled at the next start, exactly as after a crash.
   */
  close(): void;
  /** Lets in-flight channel requests finish (bounded), then closes: for a normal quit. */
  shutdown(): Promise<void>;
}

/**
 * Builds the app over its store. Throws StoreOpenError (with a sentence for the user) when the
 * data folder or database cannot be used.
 */
export function createApp(options: CreateAppOptions): DeskApp {
  const clock = options.clock ?? systemClock;
  // The store first: it checks the data folder and throws StoreOpenError with a sentence for
  // the user. The file logger creates <dataDir>/logs and would fail first, with a bare ENOTDIR.
  const store = openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  const log = options.logger ?? fileLogger(options.dataDir, clock);
  const { db } = store;
  const drafts = new DraftsRepository(db, clock);
  const settings = new SettingsRepository(db, log);
  const media = new MediaLibrary(db, options.dataDir, clock);
  const systemUser = (() => {
    try {
      return userInfo().username;
    } catch {
      return '';
    }
  })();
  // The shipped word list merged with the office's own entries, compiled once per change.
  const shippedWordList = loadWordList();
  const customWordList = new CustomWordListStore(db);
  let wordList = compileWordList(mergeWordLists(shippedWordList, customWordList.get()));
  const wordListView = (custom: WordList) => ({
    shipped: {
      version: shippedWordList.version,
      updatedAt: shippedWordList.updatedAt,
      count: shippedWordList.entries.length,
    },
    custom: custom.entries,
  });
  /** Who is acting: the name given in Settings, else the computer's user name. */
  const person = () => settings.get().personName || systemUser;
  const versionOf = (id: string, ref: RevisionRef) =>
    ref === 'working' ? drafts.get(id) : drafts.revision(id, ref);
  const events = new EventBus();
  const publicationChanged = (p: { id: string; releaseId: string; state: PublicationState }) =>
    events.emit('publication.changed', { id: p.id, releaseId: p.releaseId, state: p.state });
  const secretBox = options.secretBox ?? keyFileSecretBox(options.dataDir);
  const accounts = new AccountsRepository(db, clock, secretBox);
  const adapters = new AccountAdapters({
    accounts,
    sandbox: options.sandbox,
    clock,
    log,
    http: options.channelHttp,
  });
  adapters.ensureSandboxAccounts(person());
  const previewOf = (draft: Draft) => {
    const now = clock.now();
    return previewDraft(draft, {
      wordList,
      mediaOf: (hash) => media.get(hash),
      today: zonedDate(now, settings.get().timeZone),
      now,
    });
  };
  const network = options.network ?? new NetworkStatus(true);
  // The sandbox's "simulate offline" switch outlives a restart (a marker in the data folder).
  const offlineMarker = join(options.dataDir, 'sandbox', 'simulate-offline');
  if (options.sandbox && existsSync(offlineMarker)) network.simulateOffline(true);
  const outbox = new OutboxRepository(db, clock);
  const publishing = new Publishing({
    drafts,
    accounts,
    adapters,
    outbox,
    media,
    clock,
    preview: previewOf,
  });
  const adapterOf = (accountId: string) => {
    try {
      return adapters.adapterFor(accounts.get(accountId))?.adapter;
    } catch (error) {
      if (error instanceof DeskError && error.code === 'not_found') return undefined;
      throw error;
    }
  };
  const changes = new ChangesRepository(db, clock);
  const releaseChanges = new ReleaseChanges({
    outbox,
    changes,
    drafts,
    publishing,
    adapterFor: adapterOf,
    log,
  });
  const dispatcher = new Dispatcher({
    ...options.dispatcherTuning,
    outbox,
    clock,
    log,
    adapterFor: adapterOf,
    postFor: (publication, context) => publishing.postFor(publication, context),
    isOnline: () => network.online,
    isPaused: () => settings.get().publishingPaused,
    missedWindowMs: () => settings.get().missedWindowMinutes * 60_000,
    onChange: publicationChanged,
  });
  const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;

  const info: ApiOutput<'app.info'> = {
    name: APP_NAME,
    version: APP_VERSION,
    runtime: options.runtime,
    dataDir: options.dataDir,
    databasePath: store.path,
    schemaVersion: store.schemaVersion,
    sqliteVersion,
    nodeVersion: process.versions.node,
  };

  const handlers: ApiHandlers = {
    'app.info': () => info,
    'drafts.list': (input) => drafts.list(input),
    'drafts.get': (input) => drafts.get(input.id),
    'drafts.create': (input) => {
      const draft = drafts.create(input, person());
      events.emit('drafts.changed', { id: draft.id, version: draft.version });
      return draft;
    },
    'drafts.save': (input) => {
      const summary = drafts.save(input, person());
      events.emit('drafts.changed', { id: summary.id, version: summary.version });
      return summary;
    },
    'drafts.checkpoint': (input) => drafts.checkpoint(input.id),
    'drafts.revisions': (input) => drafts.revisions(input.id),
    'drafts.revision': (input) => drafts.revision(input.id, input.number),
    'drafts.compare': (input) =>
      compareRevisions(
        input.from,
        input.to,
        versionOf(input.id, input.from),
        versionOf(input.id, input.to),
      ),
    'drafts.restore': (input) => {
      const summary = drafts.restore(input.id, input.number, input.baseVersion, person());
      events.emit('drafts.changed', { id: summary.id, version: summary.version });
      return summary;
    },
    'drafts.preview': (input) => previewOf(drafts.get(input.id)),
    'wordlist.get': () => wordListView(customWordList.get()),
    'wordlist.set': (input) => {
      let custom: WordList;
      try {
        custom = customWordList.set(input.entries, zonedDate(clock.now(), settings.get().timeZone));
      } catch (error) {
        if (error instanceof WordListError) {
          throw new DeskError('invalid_input', error.message, {
            issues: error.problems.map((message) => ({ path: 'entries', message })),
          });
        }
        throw error;
      }
      wordList = compileWordList(mergeWordLists(shippedWordList, custom));
      return wordListView(custom);
    },
    'media.import': (input) =>
      media.import(Buffer.from(input.dataBase64, 'base64'), input.fileName),
    'accounts.list': () => ({
      items: accounts.list(),
      secretStorage: { kind: secretBox.kind, warning: secretBox.warning },
      sandboxRunning: options.sandbox !== undefined,
    }),
    'accounts.create': (input) => {
      const account = accounts.create(input, person());
      log.info('accounts.created', { id: account.id, channel: account.channel });
      events.emit('accounts.changed', { id: account.id });
      return account;
    },
    'accounts.update': (input) => {
      const account = accounts.update(input, person());
      log.info('accounts.updated', { id: account.id, channel: account.channel });
      events.emit('accounts.changed', { id: account.id });
      return account;
    },
    'accounts.remove': (input) => {
      if (outbox.list({ accountId: input.id, limit: 1 }).length > 0) {
        throw new DeskError(
          'refused',
          'This account has publications in the history, which must keep saying where each release went. Rename it instead, or leave it unused.',
        );
      }
      accounts.remove(input.id);
      log.info('accounts.removed', { id: input.id });
      events.emit('accounts.changed', { id: input.id });
      return { id: input.id };
    },
    'accounts.test': async (input) => {
      const account = await adapters.test(input.id);
      events.emit('accounts.changed', { id: account.id });
      return account;
    },
    'sandbox.received': () => {
      const sandbox = options.sandbox;
      return {
        running: sandbox !== undefined,
        channels: sandbox
          ? CHANNEL_IDS.map((channel) => ({
              channel,
              url: sandbox.channels[channel].url,
              records: [...sandbox.channels[channel].records()],
            }))
          : [],
      };
    },
    'publish.enqueue': (input) => {
      const created = publishing.enqueue(input, person());
      for (const p of created) {
        publicationChanged(p);
      }
      log.info('publish.enqueued', { releaseId: input.releaseId, count: created.length });
      dispatcher.wake();
      return created;
    },
    'publish.list': (input) => outbox.list(input),
    'publish.get': (input) => outbox.get(input.id),
    'publish.resolve': (input) => {
      const view = outbox.resolve(input.id, input.resolution, person());
      log.info('publish.resolved', { id: input.id, resolution: input.resolution.kind });
      publicationChanged(view);
      dispatcher.wake();
      return view;
    },
    'publish.reschedule': (input) => {
      const view = outbox.reschedule(input.id, new Date(input.at), person());
      publicationChanged(view);
      dispatcher.wake();
      return view;
    },
    'publish.retract': async (input) => {
      const result = await releaseChanges.retract(input.releaseId, input.reason, person());
      log.info('publish.retracted', { releaseId: input.releaseId });
      for (const p of outbox.list({ releaseId: input.releaseId, limit: 1000 })) {
        publicationChanged(p);
      }
      dispatcher.wake();
      return result;
    },
    'publish.correct': async (input) => {
      const result = await releaseChanges.correct(input.releaseId, input.reason, person());
      log.info('publish.corrected', { releaseId: input.releaseId });
      for (const p of outbox.list({ releaseId: input.releaseId, limit: 1000 })) {
        publicationChanged(p);
      }
      return result;
    },
    'publish.changes': (input) => changes.list(input.releaseId),
    'publish.confirmChange': (input) => {
      releaseChanges.confirm(input.publicationId, input.kind, person());
      const p = outbox.get(input.publicationId);
      publicationChanged(p);
      return changes.list(p.releaseId);
    },
    'network.status': () => ({
      online: network.online,
      simulatedOffline: network.simulatedOffline,
    }),
    'sandbox.simulateOffline': (input) => {
      if (!options.sandbox) {
        throw new DeskError('refused', 'The sandbox channels are not running in this session.');
      }
      if (input.offline) {
        mkdirSync(dirname(offlineMarker), { recursive: true });
        writeFileSync(offlineMarker, '');
      } else {
        rmSync(offlineMarker, { force: true });
      }
      network.simulateOffline(input.offline);
      return { online: network.online, simulatedOffline: network.simulatedOffline };
    },
    'settings.get': () => settings.get(),
    'settings.set': (input) => {
      const next = settings.set(input);
      events.emit('settings.changed', { locale: next.locale });
      // Pausing or resuming publishing, or a new missed window, re-plans the dispatcher.
      dispatcher.wake();
      return next;
    },
  };

  log.info('app.started', { runtime: options.runtime, schemaVersion: store.schemaVersion });
  network.onChange((online) => {
    log.info('network.changed', { online });
    events.emit('network.changed', { online });
    dispatcher.wake();
  });
  if (options.dispatch !== false) dispatcher.start();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    void dispatcher.stop();
    db.close();
  };
  return {
    handlers,
    events,
    log,
    media,
    call: (method, input) => invoke(handlers, method, input, log),
    network,
    probeHosts: () => [
      ...new Set(
        accounts
          .list()
          .filter((a) => !a.sandbox)
          .flatMap((a) => hostsOf(a.settings)),
      ),
    ],
    close,
    shutdown: async () => {
      if (closed) return;
      await dispatcher.stop();
      close();
    },
  };
}

/** The hosts an account talks to, for the network probe. */
function hostsOf(settings: AccountSettings): string[] {
  const urls = (() => {
    switch (settings.channel) {
      case 'portal':
        return [settings.siteUrl];
      case 'wechat':
      case 'weibo':
        return [settings.apiBase];
      case 'mastodon':
        return [settings.instanceUrl];
      case 'appfeed':
        return settings.webhookUrl ? [settings.webhookUrl] : [];
      default: {
        const never: never = settings;
        return [String(never)];
      }
    }
  })();
  return urls.flatMap((url) => {
    try {
      return [new URL(url).hostname];
    } catch {
      return [];
    }
  });
}
