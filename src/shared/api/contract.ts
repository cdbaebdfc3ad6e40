import { z } from 'zod';
import { DocumentKindSchema } from '../domain/documentKind.ts';
import { DraftStatusSchema } from '../domain/draftStatus.ts';
import { EditorStateSchema } from '../domain/editorState.ts';
import {
  DraftIdSchema,
  DraftSchema,
  DraftSummarySchema,
  RevisionComparisonSchema,
  RevisionRefSchema,
  RevisionSchema,
  RevisionSummarySchema,
  TimestampSchema,
  TitleSchema,
} from '../domain/draft.ts';
import { DocumentMetaSchema } from '../domain/documentMeta.ts';
import { MAX_MEDIA_BASE64_LENGTH, MediaItemSchema } from '../domain/media.ts';
import { DraftPreviewSchema } from '../content/preview.ts';
import { WordListEntrySchema, WordListViewSchema } from '../content/wordListSchema.ts';
import { LocaleSchema, SettingsPatchSchema, SettingsSchema } from '../domain/settings.ts';
import {
  AccountCreateSchema,
  AccountIdSchema,
  AccountListSchema,
  AccountUpdateSchema,
  AccountViewSchema,
} from '../channels/account.ts';
import { SandboxReceivedSchema } from '../channels/sandboxRecord.ts';
import {
  PublicationDetailSchema,
  PublicationIdSchema,
  PublicationViewSchema,
  ResolutionSchema,
} from '../publish/publication.ts';
import { PublicationStateSchema } from '../publish/publicationState.ts';
import { PublicationChangeSchema } from '../publish/publicationChange.ts';

/**
 * THE contract: every method the UI may call, with its input and output schema. Electron's
 * main process registers exactly these with ipcMain.handle, the preload exposes exactly these,
 * the headless host serves exactly these at POST /api/<method>. A method that is not in this
 * table does not exist anywhere.
 */
export const contract = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      runtime: z.enum(['electron', 'headless']),
      dataDir: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number().int(),
      sqliteVersion: z.string(),
      nodeVersion: z.string(),
    }),
  },
  'drafts.list': {
    input: z
      .object({
        kind: DocumentKindSchema.optional(),
        status: DraftStatusSchema.optional(),
        /** The name of the person who created the drafts. */
        createdBy: z.string().max(100).optional(),
        /** updatedAt >= updatedFrom and < updatedBefore (UTC; the UI converts office days). */
        updatedFrom: TimestampSchema.optional(),
        updatedBefore: TimestampSchema.optional(),
        /** Full-text search in titles and bodies; any substring, Chinese included, from one character. */
        query: z.string().trim().max(200).optional(),
        sort: z.enum(['updatedAt', 'createdAt', 'title']).default('updatedAt'),
        order: z.enum(['asc', 'desc']).default('desc'),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({
      items: z.array(DraftSummarySchema),
      total: z.number().int().nonnegative(),
    }),
  },
  'drafts.get': {
    input: z.object({ id: DraftIdSchema }).strict(),
    output: DraftSchema,
  },
  'drafts.create': {
    input: z
      .object({
        kind: DocumentKindSchema,
        title: TitleSchema.default(''),
        meta: DocumentMetaSchema.optional(),
        body: EditorStateSchema.optional(),
      })
      .strict(),
    output: DraftSchema,
  },
  'drafts.save': {
    input: z
      .object({
        id: DraftIdSchema,
        /** The version the editor started from; a newer one in the store means conflict. */
        baseVersion: z.number().int().positive(),
        title: TitleSchema.optional(),
        meta: DocumentMetaSchema.optional(),
        body: EditorStateSchema.optional(),
      })
      .strict()
      .refine((v) => v.title !== undefined || v.meta !== undefined || v.body !== undefined, {
        message: 'Nothing to save: give a title, fields or a body.',
      }),
    output: DraftSummarySchema,
  },
  /** Makes the working copy a revision now (unless it already is the newest one). */
  'drafts.checkpoint': {
    input: z.object({ id: DraftIdSchema }).strict(),
    output: RevisionSummarySchema,
  },
  'drafts.revisions': {
    input: z.object({ id: DraftIdSchema }).strict(),
    output: z.array(RevisionSummarySchema),
  },
  'drafts.revision': {
    input: z.object({ id: DraftIdSchema, number: z.number().int().positive() }).strict(),
    output: RevisionSchema,
  },
  'drafts.compare': {
    input: z.object({ id: DraftIdSchema, from: RevisionRefSchema, to: RevisionRefSchema }).strict(),
    output: RevisionComparisonSchema,
  },
  /** Brings an earlier revision back as the working copy (recorded as a new revision). */
  'drafts.restore': {
    input: z
      .object({
        id: DraftIdSchema,
        number: z.number().int().positive(),
        baseVersion: z.number().int().positive(),
      })
      .strict(),
    output: DraftSummarySchema,
  },
  /**
   * What every channel would receive from the draft as saved (portal and WeChat HTML, Weibo and
   * Mastodon text with their counts, the app feed item) and the pre-publish checks' findings.
   */
  'drafts.preview': {
    input: z.object({ id: DraftIdSchema }).strict(),
    output: DraftPreviewSchema,
  },
  /** The word list the checks use: the shipped list's identity and the office's own entries. */
  'wordlist.get': {
    input: z.object({}).strict(),
    output: WordListViewSchema,
  },
  /** Replaces the office's own entries (validated: no duplicates, a correct form must differ). */
  'wordlist.set': {
    input: z.object({ entries: z.array(WordListEntrySchema).max(5000) }).strict(),
    output: WordListViewSchema,
  },
  /** Puts an image into the media library (stored once, by the SHA-256 of its bytes). */
  'media.import': {
    input: z
      .object({
        fileName: z.string().trim().min(1).max(255),
        dataBase64: z
          .string()
          .max(MAX_MEDIA_BASE64_LENGTH, { message: 'The image is larger than 20 MB.' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The image data must be base64.' }),
      })
      .strict(),
    output: MediaItemSchema,
  },
  /** Every channel account (secrets never included: only which are set). */
  'accounts.list': {
    input: z.object({}).strict(),
    output: AccountListSchema,
  },
  'accounts.create': {
    input: AccountCreateSchema,
    output: AccountViewSchema,
  },
  /** Name, settings and/or secrets; a secret left out keeps its stored value. */
  'accounts.update': {
    input: AccountUpdateSchema,
    output: AccountViewSchema,
  },
  'accounts.remove': {
    input: z.object({ id: AccountIdSchema }).strict(),
    output: z.object({ id: AccountIdSchema }),
  },
  /** Connection test through the channel's adapter; the outcome is kept as lastCheck. */
  'accounts.test': {
    input: z.object({ id: AccountIdSchema }).strict(),
    output: AccountViewSchema,
  },
  /** What each sandbox channel received in this session (newest last). */
  'sandbox.received': {
    input: z.object({}).strict(),
    output: SandboxReceivedSchema,
  },
  /**
   * Publish or schedule the draft as it is now to some channel accounts: the working copy is
   * pinned as a revision, checked (refused, code `refused`, while a finding blocks or personal
   * data is unconfirmed), and one publication per account is written to the outbox in one
   * transaction. The portal goes first: the others wait for its page, which they link to.
   */
  'publish.enqueue': {
    input: z
      .object({
        releaseId: DraftIdSchema,
        items: z
          .array(
            z
              .object({
                accountId: AccountIdSchema,
                /** null: now; otherwise when (UTC), e.g. portal 9:00, WeChat 9:30. */
                scheduledAt: TimestampSchema.nullable(),
              })
              .strict(),
          )
          .min(1, { message: 'Choose at least one account.' })
          .max(20),
        /**
         * 发布与解读同步: a policy interpretation takes the policy draft it explains along, in
         * one action; on each account the policy goes first.
         */
        withPolicy: z.boolean().default(false),
      })
      .strict(),
    output: z.array(PublicationViewSchema),
  },
  /** Publications, newest first; by state and/or release. */
  'publish.list': {
    input: z
      .object({
        states: z.array(PublicationStateSchema).max(13).optional(),
        releaseId: DraftIdSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.array(PublicationViewSchema),
  },
  'publish.get': {
    input: z.object({ id: PublicationIdSchema }).strict(),
    output: PublicationDetailSchema,
  },
  /** A person's decision on a publication that waits for one (or a cancellation). */
  'publish.resolve': {
    input: z.object({ id: PublicationIdSchema, resolution: ResolutionSchema }).strict(),
    output: PublicationViewSchema,
  },
  /** Moves a scheduled (or missed) publication to another time. */
  'publish.reschedule': {
    input: z.object({ id: PublicationIdSchema, at: TimestampSchema }).strict(),
    output: PublicationViewSchema,
  },
  /**
   * Takes a release down everywhere it went: through each channel's API where it allows it,
   * otherwise recorded with instructions for a person; what was not sent yet is cancelled.
   */
  'publish.retract': {
    input: z
      .object({ releaseId: DraftIdSchema, reason: z.string().trim().max(500).default('') })
      .strict(),
    output: z.array(PublicationChangeSchema),
  },
  /**
   * Brings every published copy to the draft as it is now (a new revision): updated in place
   * where the channel allows it, otherwise a person publishes a correction notice.
   */
  'publish.correct': {
    input: z
      .object({ releaseId: DraftIdSchema, reason: z.string().trim().max(500).default('') })
      .strict(),
    output: z.array(PublicationChangeSchema),
  },
  /** Every retraction and correction of a release's publications. */
  'publish.changes': {
    input: z.object({ releaseId: DraftIdSchema }).strict(),
    output: z.array(PublicationChangeSchema),
  },
  /** A person did by hand what the channel offers no API for. */
  'publish.confirmChange': {
    input: z
      .object({ publicationId: PublicationIdSchema, kind: z.enum(['retract', 'correct']) })
      .strict(),
    output: z.array(PublicationChangeSchema),
  },
  /** Whether the channels can be reached (publishing waits while they cannot). */
  'network.status': {
    input: z.object({}).strict(),
    output: z.object({ online: z.boolean(), simulatedOffline: z.boolean() }),
  },
  /**
   * Training with the sandbox channels: behave as if the network were gone (kept across
   * restarts until switched off). Refused when the sandbox channels are not running.
   */
  'sandbox.simulateOffline': {
    input: z.object({ offline: z.boolean() }).strict(),
    output: z.object({ online: z.boolean(), simulatedOffline: z.boolean() }),
  },
  'settings.get': {
    input: z.object({}).strict(),
    output: SettingsSchema,
  },
  'settings.set': {
    input: SettingsPatchSchema,
    output: SettingsSchema,
  },
} as const;

/** Events pushed from the app to every open window. */
export const events = {
  /** A draft was created or saved (by this window or another). */
  'drafts.changed': z.object({
    id: DraftIdSchema,
    version: z.number().int().positive(),
  }),
  /** A publication changed state (or was created). */
  'publication.changed': z.object({
    id: PublicationIdSchema,
    releaseId: DraftIdSchema,
    state: PublicationStateSchema,
  }),
  /** The network came or went: publishing pauses while offline and resumes by itself. */
  'network.changed': z.object({ online: z.boolean() }),
  /** A channel account was added, changed, tested or removed. */
  'accounts.changed': z.object({ id: AccountIdSchema }),
  /** The office settings changed; windows re-read them (e.g. to switch language). */
  'settings.changed': z.object({ locale: LocaleSchema }),
} as const;

export type Contract = typeof contract;
export type ApiMethod = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>;
/** What a handler receives, after parsing and defaults. */
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<Contract[M]['output']>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type ApiEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export const API_METHODS = Object.keys(contract) as ApiMethod[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(contract, name);
}

/** The parsed-in, promise-out implementation of every method: what core's createApp returns. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M>;
};
