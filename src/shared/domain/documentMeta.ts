import { z } from 'zod';
import { MediaHashSchema } from '../document/nodes.ts';
import { safeLinkUrl } from '../document/safeUrl.ts';

/**
 * The fields around a document's body. Common to every kind: subtitle, source (来源), issuing
 * unit (发布机构), author, keywords, summary and cover image. Then each kind's own:
 * a policy interpretation names the policy it interprets; a consultation has a deadline and
 * says how to respond. While drafting, fields may be empty; `missingFields` tells what must be
 * filled in before the document can go to review.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `At most ${max} characters.` })
    .default('');

const OptionalUrlSchema = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || safeLinkUrl(v) !== undefined, {
    message: 'Give an http or https address.',
  });

/** A channel's own cover (null: the draft's cover image). */
const ChannelCoverSchema = MediaHashSchema.nullable().default(null);
/** A channel's own tags (empty: the draft's keywords). */
const ChannelTagsSchema = z.array(z.string().trim().min(1).max(30)).max(20).default([]);

/**
 * What an editor tailors per channel; anything left empty is derived from the draft (WeChat
 * digest: the summary, else the first 54 characters; microblogs: title + summary cut to fit +
 * link; cover: the draft's cover image; tags: its keywords). Kept in the draft's fields, so it
 * is saved, revisioned and compared with them. For Weibo the cover is the post's picture.
 */
export const ChannelVariantsSchema = z.object({
  portal: z
    .object({ cover: ChannelCoverSchema, tags: ChannelTagsSchema })
    .default({ cover: null, tags: [] }),
  wechat: z
    .object({ title: text(64), digest: text(128), author: text(16), cover: ChannelCoverSchema })
    .default({ title: '', digest: '', author: '', cover: null }),
  weibo: z
    .object({ text: text(2000), cover: ChannelCoverSchema })
    .default({ text: '', cover: null }),
  mastodon: z
    .object({ text: text(5000), hashtags: z.boolean().default(false), tags: ChannelTagsSchema })
    .default({ text: '', hashtags: false, tags: [] }),
  appfeed: z
    .object({
      title: text(200),
      summary: text(500),
      cover: ChannelCoverSchema,
      tags: ChannelTagsSchema,
    })
    .default({ title: '', summary: '', cover: null, tags: [] }),
});
export type ChannelVariants = z.infer<typeof ChannelVariantsSchema>;

export const CommonMetaSchema = z.object({
  subtitle: text(200),
  source: text(100),
  issuingUnit: text(100),
  author: text(100),
  keywords: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  summary: text(500),
  coverImage: MediaHashSchema.nullable().default(null),
  /**
   * Personal data a person confirmed may be published (e.g. the press office's public contact
   * mobile), by the key the checks give it (a SHA-256, never the number); the check then only
   * notes it.
   */
  publicPersonalData: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(100)
    .default([]),
  channels: ChannelVariantsSchema.default({
    portal: { cover: null, tags: [] },
    wechat: { title: '', digest: '', author: '', cover: null },
    weibo: { text: '', cover: null },
    mastodon: { text: '', hashtags: false, tags: [] },
    appfeed: { title: '', summary: '', cover: null, tags: [] },
  }),
});

/** The policy a 政策解读 explains: either a published one, or a draft of it in this desk. */
export const InterpretedPolicySchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('published'),
    title: text(200),
    /** 文号, e.g. 通政发〔2016〕12号 */
    documentNumber: text(60),
    url: OptionalUrlSchema,
  }),
  z.object({ source: z.literal('draft'), draftId: z.uuid() }),
]);
export type InterpretedPolicy = z.infer<typeof InterpretedPolicySchema>;

export const DocumentMetaSchema = z.discriminatedUnion('kind', [
  CommonMetaSchema.extend({ kind: z.literal('press_release') }),
  CommonMetaSchema.extend({
    kind: z.literal('policy_interpretation'),
    policy: InterpretedPolicySchema.default({
      source: 'published',
      title: '',
      documentNumber: '',
      url: '',
    }),
  }),
  CommonMetaSchema.extend({ kind: z.literal('notice') }),
  CommonMetaSchema.extend({
    kind: z.literal('consultation'),
    /** Last day for comments, a calendar date in the office's time zone. */
    deadline: z.iso.date().nullable().default(null),
    /** How the public responds: an e-mail, a postal address, a phone, a web form. */
    howToRespond: text(1000),
  }),
]);
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** Empty fields for a new document of a kind. */
export function emptyMeta(kind: DocumentMeta['kind']): DocumentMeta {
  // A copy: zod hands out its default objects themselves, and a caller may change the result.
  return structuredClone(DocumentMetaSchema.parse({ kind }));
}

export type MetaField =
  'policy.title' | 'policy.documentNumber' | 'policy.url' | 'deadline' | 'howToRespond';

/** The kind-specific fields still to fill in before review. */
export function missingFields(meta: DocumentMeta): MetaField[] {
  switch (meta.kind) {
    case 'press_release':
    case 'notice':
      return [];
    case 'policy_interpretation': {
      if (meta.policy.source === 'draft') return [];
      const missing: MetaField[] = [];
      if (!meta.policy.title) missing.push('policy.title');
      if (!meta.policy.documentNumber) missing.push('policy.documentNumber');
      if (!meta.policy.url) missing.push('policy.url');
      return missing;
    }
    case 'consultation': {
      const missing: MetaField[] = [];
      if (!meta.deadline) missing.push('deadline');
      if (!meta.howToRespond) missing.push('howToRespond');
      return missing;
    }
  }
}

/** The channels whose posts carry a cover picture, and those that carry tags. */
export type CoverChannel = 'portal' | 'wechat' | 'weibo' | 'appfeed';
export type TagChannel = 'portal' | 'mastodon' | 'appfeed';

/** The cover a channel gets: its own, else the draft's cover image. */
export function channelCover(
  meta: Pick<DocumentMeta, 'coverImage' | 'channels'>,
  channel: CoverChannel,
): string | null {
  return meta.channels[channel].cover ?? meta.coverImage;
}

/** The tags a channel gets: its own, else the draft's keywords. */
export function channelTags(
  meta: Pick<DocumentMeta, 'keywords' | 'channels'>,
  channel: TagChannel,
): string[] {
  const own = meta.channels[channel].tags;
  return own.length > 0 ? own : meta.keywords;
}

/**
 * The meta a channel's renderer sees: coverImage and keywords replaced by what that channel
 * gets, so the renderers need not know about variants.
 */
export function metaForChannel<M extends DocumentMeta>(
  meta: M,
  channel: 'portal' | 'wechat' | 'weibo' | 'mastodon' | 'appfeed',
): M {
  return {
    ...meta,
    coverImage: channel === 'mastodon' ? meta.coverImage : channelCover(meta, channel),
    keywords:
      channel === 'wechat' || channel === 'weibo' ? meta.keywords : channelTags(meta, channel),
  };
}
