import { z } from 'zod';
import type { ChannelIdSchema } from '../content/channelId.ts';

/**
 * A channel account's settings: what a person enters to connect PressDesk to one account of a
 * channel. Non-secret fields are stored as JSON; the fields named in SECRET_FIELDS are stored
 * only encrypted (safeStorage in the desktop shell, a key file headless) and never sent back
 * to the UI, which learns only whether each one is set.
 */
const httpUrl = z
  .string()
  .trim()
  .min(1, { message: 'Give the address.' })
  .max(500)
  .refine(
    (v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '';
      } catch {
        return false;
      }
    },
    { message: 'Give an http or https address, without a user name in it.' },
  );

export const PortalSettingsSchema = z.object({
  channel: z.literal('portal'),
  /** The site's address (its home page); the REST root is found from its Link header. */
  siteUrl: httpUrl,
  username: z.string().trim().min(1).max(60),
  /** Categories (ids) every release is filed under; empty for the site's default. */
  categories: z.array(z.number().int().positive()).max(20).default([]),
});
export const WechatSettingsSchema = z.object({
  channel: z.literal('wechat'),
  apiBase: httpUrl.default('https://api.weixin.qq.com'),
  appId: z
    .string()
    .trim()
    .regex(/^wx[0-9a-zA-Z]{16}$/, { message: 'An AppID starts with wx and has 18 characters.' }),
  /** 留言: open comments on published articles. */
  openComment: z.boolean().default(false),
});
export const WeiboSettingsSchema = z.object({
  channel: z.literal('weibo'),
  apiBase: httpUrl.default('https://api.weibo.com/2'),
  /** The day the access token expires (YYYY-MM-DD), to warn before it does; null if unknown. */
  tokenExpiresOn: z.iso.date().nullable().default(null),
  /** The real client IP Weibo's statuses/share asks for (rip); empty: not sent. */
  clientIp: z
    .string()
    .trim()
    .max(45)
    .regex(/^$|^[0-9a-fA-F:.]+$/, { message: 'Give an IP address.' })
    .default(''),
});
export const MastodonSettingsSchema = z.object({
  channel: z.literal('mastodon'),
  instanceUrl: httpUrl,
  visibility: z.enum(['public', 'unlisted']).default('public'),
  language: z.string().trim().min(2).max(10).default('zh'),
});
export const AppfeedSettingsSchema = z.object({
  channel: z.literal('appfeed'),
  feedTitle: z.string().trim().min(1).max(100),
  /** The district app's or portal's home page. */
  homePageUrl: httpUrl,
  /** The public address where the feed file is served (the app reads it there). */
  feedUrl: httpUrl,
  /** The folder the feed (feed.json) and its images are written to, served at feedUrl's folder. */
  feedDir: z.string().trim().min(1).max(1000),
  /** The app backend's webhook endpoint; empty: no webhook, the feed only. */
  webhookUrl: z.union([z.literal(''), httpUrl]).default(''),
});

export const AccountSettingsSchema = z.discriminatedUnion('channel', [
  PortalSettingsSchema,
  WechatSettingsSchema,
  WeiboSettingsSchema,
  MastodonSettingsSchema,
  AppfeedSettingsSchema,
]);
export type AccountSettings = z.infer<typeof AccountSettingsSchema>;
export type SettingsOf<C extends AccountSettings['channel']> = Extract<
  AccountSettings,
  { channel: C }
>;

/** Each channel's secret fields, in the order the form shows them. */
export const SECRET_FIELDS = {
  portal: ['applicationPassword'],
  wechat: ['appSecret'],
  weibo: ['accessToken'],
  mastodon: ['accessToken'],
  appfeed: ['webhookSecret'],
} as const satisfies Record<z.infer<typeof ChannelIdSchema>, readonly string[]>;
export type SecretField = (typeof SECRET_FIELDS)[keyof typeof SECRET_FIELDS][number];

export const SecretsSchema = z.record(z.string(), z.string().max(2000));
/** Decrypted secrets of one account, by field name. Only core ever holds these. */
export type AccountSecrets = Readonly<Record<string, string>>;

/**
 * The secrets an account cannot work without. The app feed's webhook secret is needed only
 * when it has a webhook address.
 */
export function requiredSecrets(settings: AccountSettings): readonly string[] {
  if (settings.channel === 'appfeed' && settings.webhookUrl === '') return [];
  return SECRET_FIELDS[settings.channel];
}
