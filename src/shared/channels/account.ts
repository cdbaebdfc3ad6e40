import { z } from 'zod';
import { ChannelIdSchema, type ChannelId } from '../content/channelId.ts';
import { MessageSchema } from '../content/finding.ts';
import { TimestampSchema } from '../domain/draft.ts';
import { AccountSettingsSchema, requiredSecrets, SECRET_FIELDS } from './accountSettings.ts';

export const AccountIdSchema = z.uuid();
export const AccountNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the account a name.' })
  .max(60, { message: 'At most 60 characters.' });

/** A channel's problem as the UI shows it (see core's ChannelProblem). */
export const ChannelProblemViewSchema = z.object({
  code: z.string(),
  message: MessageSchema,
  channelSaid: z.string().optional(),
});
export type ChannelProblemView = z.infer<typeof ChannelProblemViewSchema>;

/** The outcome of a connection test, as stored with the account and shown beside it. */
export const AccountCheckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    at: TimestampSchema,
    accountName: z.string(),
    details: z.array(MessageSchema),
  }),
  z.object({
    ok: z.literal(false),
    at: TimestampSchema,
    problem: ChannelProblemViewSchema,
    /** The credentials must be renewed (not a passing network problem). */
    reauthorize: z.boolean(),
  }),
]);
export type AccountCheck = z.infer<typeof AccountCheckSchema>;

/** An account as the UI sees it: everything but the secrets, of which only the names set. */
export const AccountViewSchema = z.object({
  id: AccountIdSchema,
  channel: ChannelIdSchema,
  name: z.string(),
  /** A PressDesk sandbox channel (on this computer), never a public account. */
  sandbox: z.boolean(),
  settings: AccountSettingsSchema,
  secretsSet: z.array(z.string()),
  createdAt: TimestampSchema,
  createdBy: z.string(),
  updatedAt: TimestampSchema,
  updatedBy: z.string(),
  lastCheck: AccountCheckSchema.nullable(),
});
export type AccountView = z.infer<typeof AccountViewSchema>;

export const SecretStorageSchema = z.object({
  kind: z.enum(['system-keychain', 'key-file']),
  warning: MessageSchema.nullable(),
});

export const AccountListSchema = z.object({
  items: z.array(AccountViewSchema),
  secretStorage: SecretStorageSchema,
  /** Whether the sandbox channels run in this session (sandbox accounts work only then). */
  sandboxRunning: z.boolean(),
});
export type AccountList = z.infer<typeof AccountListSchema>;

const SecretValueSchema = z.string().max(2000);

/** Secrets given for an account: only the channel's own secret fields. */
export function unknownSecretFields(channel: ChannelId, secrets: Record<string, string>): string[] {
  const allowed: readonly string[] = SECRET_FIELDS[channel];
  return Object.keys(secrets).filter((name) => !allowed.includes(name));
}

export const AccountCreateSchema = z
  .object({
    name: AccountNameSchema,
    settings: AccountSettingsSchema,
    secrets: z.record(z.string(), SecretValueSchema),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const name of unknownSecretFields(input.settings.channel, input.secrets)) {
      ctx.addIssue({
        code: 'custom',
        path: ['secrets', name],
        message: 'Not a secret of this channel.',
      });
    }
    for (const name of requiredSecrets(input.settings)) {
      if (!input.secrets[name]?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['secrets', name], message: 'Required.' });
      }
    }
  });

/** Changes to an account; a secret left out (or empty) keeps its stored value. */
export const AccountUpdateSchema = z
  .object({
    id: AccountIdSchema,
    name: AccountNameSchema.optional(),
    settings: AccountSettingsSchema.optional(),
    secrets: z.record(z.string(), SecretValueSchema).default({}),
  })
  .strict();
