import { z } from 'zod';
import { ChannelProblemViewSchema, AccountIdSchema } from '../channels/account.ts';
import { ChannelIdSchema } from '../content/channelId.ts';
import { DraftIdSchema, TimestampSchema } from '../domain/draft.ts';
import { PublicationStateSchema } from './publicationState.ts';

export const PublicationIdSchema = z.uuid();

/** One attempt of the dispatcher at a publication, kept for the history. */
export const AttemptSchema = z.object({
  number: z.number().int().positive(),
  /** What was asked of the channel. */
  action: z.enum(['publish', 'status', 'reconcile']),
  startedAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
  /** The adapter's outcome kind, or 'interrupted' when PressDesk stopped mid-request. */
  outcome: z.enum([
    'published',
    'pending',
    'retry',
    'failed',
    'unknown',
    'found',
    'absent',
    'undetermined',
    'interrupted',
  ]),
  problem: ChannelProblemViewSchema.nullable(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

/** A publication as the UI and the history see it. */
export const PublicationViewSchema = z.object({
  id: PublicationIdSchema,
  releaseId: DraftIdSchema,
  /** The pinned revision of the draft that is published, exactly. */
  revision: z.number().int().positive(),
  title: z.string(),
  accountId: AccountIdSchema,
  accountName: z.string(),
  channel: ChannelIdSchema,
  sandbox: z.boolean(),
  state: PublicationStateSchema,
  /** When it is meant to go out (UTC); null: as soon as possible. */
  scheduledAt: TimestampSchema.nullable(),
  /** When the dispatcher acts on it next, in the active states. */
  nextAttemptAt: TimestampSchema.nullable(),
  attempts: z.number().int().nonnegative(),
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  /** The last problem the channel (or the network) reported. */
  lastProblem: ChannelProblemViewSchema.nullable(),
  /** Waits for this publication (the portal page the microblogs link to), if any. */
  dependsOn: PublicationIdSchema.nullable(),
  createdAt: TimestampSchema,
  createdBy: z.string(),
  updatedAt: TimestampSchema,
  publishedAt: TimestampSchema.nullable(),
});
export type PublicationView = z.infer<typeof PublicationViewSchema>;

export const PublicationDetailSchema = PublicationViewSchema.extend({
  attemptLog: z.array(AttemptSchema),
});
export type PublicationDetail = z.infer<typeof PublicationDetailSchema>;

/** A person's decision on a publication that waits for one. */
export const ResolutionSchema = z.discriminatedUnion('kind', [
  /** unknown: "it was published" — with the address where it is. */
  z.object({ kind: z.literal('mark-published'), url: z.url({ protocol: /^https?$/ }) }),
  /** unknown / failed / needs_reauth / missed: send it (again) now. */
  z.object({ kind: z.literal('send-now') }),
  /** scheduled / queued / retrying / failed / missed / needs_reauth: do not send it. */
  z.object({ kind: z.literal('cancel') }),
]);
export type Resolution = z.infer<typeof ResolutionSchema>;

/**
 * The publication's stable key (see ChannelPost.key): derived from its id, so every attempt of
 * one publication carries the same one (Mastodon Idempotency-Key, WordPress slug, webhook-id).
 */
export function publicationKey(id: string): string {
  return `pd-${id.replace(/-/g, '').slice(0, 20).toLowerCase()}`;
}
