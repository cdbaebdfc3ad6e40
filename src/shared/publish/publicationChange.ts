import { z } from 'zod';
import { ChannelProblemViewSchema } from '../channels/account.ts';
import { ChannelIdSchema } from '../content/channelId.ts';
import { TimestampSchema } from '../domain/draft.ts';
import { PublicationIdSchema } from './publication.ts';

/**
 * One retraction or correction request on one publication, and what came of it:
 * done (through the channel's API), manual (the channel offers no API for it: `problem` holds
 * the instructions, `url` where to do it), retry / failed / unknown (ask again, or act on the
 * reason), confirmed (a person said they did it by hand).
 */
export const PublicationChangeSchema = z.object({
  publicationId: PublicationIdSchema,
  channel: ChannelIdSchema,
  accountName: z.string(),
  number: z.number().int().positive(),
  kind: z.enum(['retract', 'correct']),
  requestedAt: TimestampSchema,
  requestedBy: z.string(),
  reason: z.string(),
  revision: z.number().int().positive().nullable(),
  outcome: z.enum(['done', 'manual', 'retry', 'failed', 'unknown', 'confirmed']),
  problem: ChannelProblemViewSchema.nullable(),
  url: z.string().nullable(),
});
export type PublicationChange = z.infer<typeof PublicationChangeSchema>;
