import { z } from 'zod';
import { ChannelIdSchema } from './channelId.ts';
import { CheckedFieldSchema } from './checkedField.ts';

/**
 * What a check reports. `block` stops approval and publishing; `warn` is shown and may be
 * ignored; `confirm` (personal data) stops publishing until a person confirms that the data
 * may be published (e.g. a press contact's office mobile that is meant to be public).
 */
export const SEVERITIES = ['block', 'warn', 'confirm'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const CHECK_IDS = [
  'expression',
  'personal-data.id-card',
  'personal-data.mobile',
  'link.invalid',
  'link.insecure',
  'link.text-mismatch',
  'image.alt-missing',
  'image.alt-filename',
  'image.missing-media',
  'image.format',
  'image.too-large',
  'channel.title-too-long',
  'channel.author-too-long',
  'channel.digest-too-long',
  'channel.content-too-long',
  'channel.content-too-large',
  'channel.text-too-long',
  'channel.cover-missing',
  'channel.too-many-images',
] as const;
export const CheckIdSchema = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckIdSchema>;

const offset = z.number().int().min(0);

/**
 * Where a finding is. `body`: UTF-16 offsets [start, end) into `plainTextBlocks(doc)[blockIndex]`
 * (start === end for a zero-width place, e.g. an image without alt text). `field`: a document
 * field; start/end, when present, are offsets into that field's text (for `keywords`, into the
 * keyword named in the message). `channel`: the output for one channel as a whole.
 */
export const BodyLocationSchema = z
  .object({ kind: z.literal('body'), blockIndex: offset, start: offset, end: offset })
  .refine((l) => l.start <= l.end, { message: 'start must not be after end' });
export const FieldLocationSchema = z
  .object({
    kind: z.literal('field'),
    field: CheckedFieldSchema,
    start: offset.optional(),
    end: offset.optional(),
  })
  .refine((l) => (l.start === undefined) === (l.end === undefined), {
    message: 'give both start and end, or neither',
  })
  .refine((l) => l.start === undefined || l.end === undefined || l.start <= l.end, {
    message: 'start must not be after end',
  });
export const ChannelLocationSchema = z.object({
  kind: z.literal('channel'),
  channel: ChannelIdSchema,
});
export const LocationSchema = z.discriminatedUnion('kind', [
  BodyLocationSchema,
  FieldLocationSchema,
  ChannelLocationSchema,
]);
export type BodyLocation = z.infer<typeof BodyLocationSchema>;
export type FieldLocation = z.infer<typeof FieldLocationSchema>;
export type ChannelLocation = z.infer<typeof ChannelLocationSchema>;
export type Location = z.infer<typeof LocationSchema>;

/** Full sentences a press officer can act on, in both UI languages. */
export const MessageSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Message = z.infer<typeof MessageSchema>;

export const FindingSchema = z.object({
  checkId: CheckIdSchema,
  severity: SeveritySchema,
  location: LocationSchema,
  message: MessageSchema,
  /** The correct expression, when there is one to put in place of the located text. */
  suggestion: z.string().min(1).optional(),
  /**
   * Personal data: the key a person confirms it by (a SHA-256 of the normalized number; the
   * draft's meta.publicPersonalData lists confirmed keys), and whether it is confirmed.
   */
  personalData: z
    .object({ key: z.string().regex(/^[0-9a-f]{64}$/), confirmed: z.boolean() })
    .optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
