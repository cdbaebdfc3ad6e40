import type { ApiHandlers, ApiOutput } from '../shared/api/contract.ts';
import type { Envelope } from '../shared/api/envelope.ts';
import { invoke } from './api/invoke.ts';
import { systemClock, type Clock } from './clock.ts';
import { DraftsRepository } from './drafts/draftsRepository.ts';
import { EventBus } from './events/eventBus.ts';
import { fileLogger, type Logger } from './log/logger.ts';
import { SettingsRepository } from './settings/settingsRepository.ts';
import { openDatabase } from './store/openDatabase.ts';
import { APP_NAME, APP_VERSION } from './version.ts';

export interface CreateAppOptions {
  /** Where the database, logs and media live. */
  dataDir: string;
  /** Which host runs the app; reported by app.info. */
  runtime: 'electron' | 'headless';
  clock?: Clock;
  logger?: Logger;
  /** Path of Electron's build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string | undefined;
}

/** The application: everything the contract needs, and nothing of Electron or HTTP. */
export interface DeskApp {
  readonly handlers: ApiHandlers;
  readonly events: EventBus;
  readonly log: Logger;
  /** Runs one untrusted call through validation and the envelope (see invoke). */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

/**
 * Builds the app over its store. Throws StoreOpenError (with a sentence for the user) when the
 * data folder or database cannot be used.
 */
export function createApp(options: CreateAppOptions): DeskApp {
  const clock = options.clock ?? systemClock;
  const log = options.logger ?? fileLogger(options.dataDir, clock);
  const store = openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  const { db } = store;
  const drafts = new DraftsRepository(db, clock);
  const settings = new SettingsRepository(db, log);
  const events = new EventBus();
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
      const draft = drafts.create(input);
      events.emit('drafts.changed', { id: draft.id, version: draft.version });
      return draft;
    },
    'drafts.save': (input) => {
      const summary = drafts.save(input);
      events.emit('drafts.changed', { id: summary.id, version: summary.version });
      return summary;
    },
    'settings.get': () => settings.get(),
    'settings.set': (input) => {
      const next = settings.set(input);
      events.emit('settings.changed', { locale: next.locale });
      return next;
    },
  };

  log.info('app.started', { runtime: options.runtime, schemaVersion: store.schemaVersion });
  let closed = false;
  return {
    handlers,
    events,
    log,
    call: (method, input) => invoke(handlers, method, input, log),
    close: () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
