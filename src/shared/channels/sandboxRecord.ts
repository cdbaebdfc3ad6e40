import { z } from 'zod';
import { ChannelIdSchema } from '../content/channelId.ts';

/** One request a sandbox channel received, and what it did with it. */
export const SandboxRecordSchema = z.object({
  at: z.string(),
  method: z.string(),
  path: z.string(),
  /** The HTTP status answered; 0 when the connection was closed unanswered (a fault). */
  status: z.number().int(),
  note: z.string(),
});

export const SandboxReceivedSchema = z.object({
  running: z.boolean(),
  channels: z.array(
    z.object({ channel: ChannelIdSchema, url: z.string(), records: z.array(SandboxRecordSchema) }),
  ),
});
export type SandboxReceived = z.infer<typeof SandboxReceivedSchema>;
