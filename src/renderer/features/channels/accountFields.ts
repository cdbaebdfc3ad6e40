import type { AccountSettings } from '../../../shared/channels/accountSettings.ts';
import type { ChannelId } from '../../../shared/content/channelId.ts';
import type { MessageKey } from '../../app/i18n/messageKey.ts';

/** How one account field is entered. */
export type FieldInput =
  | { type: 'text'; placeholder?: string }
  | { type: 'url'; placeholder?: string }
  | { type: 'secret' }
  | { type: 'boolean' }
  | { type: 'date' }
  | { type: 'ids' }
  | { type: 'choice'; options: ReadonlyArray<{ value: string; labelKey: MessageKey }> };

export interface FieldSpec {
  name: string;
  labelKey: MessageKey;
  helpKey?: MessageKey;
  input: FieldInput;
  /** Shown empty and sent only when filled in (optional settings and every secret). */
  optional?: boolean;
}

/** The form of each channel's account, in the order a person fills it in. */
export const ACCOUNT_FIELDS: Readonly<Record<ChannelId, readonly FieldSpec[]>> = {
  portal: [
    {
      name: 'siteUrl',
      labelKey: 'channels.field.siteUrl',
      helpKey: 'channels.help.siteUrl',
      input: { type: 'url', placeholder: 'https://www.example.gov.cn/' },
    },
    { name: 'username', labelKey: 'channels.field.username', input: { type: 'text' } },
    {
      name: 'applicationPassword',
      labelKey: 'channels.field.applicationPassword',
      helpKey: 'channels.help.applicationPassword',
      input: { type: 'secret' },
    },
    {
      name: 'categories',
      labelKey: 'channels.field.categories',
      input: { type: 'ids' },
      optional: true,
    },
  ],
  wechat: [
    {
      name: 'appId',
      labelKey: 'channels.field.appId',
      helpKey: 'channels.help.appId',
      input: { type: 'text', placeholder: 'wx…' },
    },
    { name: 'appSecret', labelKey: 'channels.field.appSecret', input: { type: 'secret' } },
    { name: 'openComment', labelKey: 'channels.field.openComment', input: { type: 'boolean' } },
    {
      name: 'apiBase',
      labelKey: 'channels.field.apiBase',
      input: { type: 'url', placeholder: 'https://api.weixin.qq.com' },
    },
  ],
  weibo: [
    {
      name: 'accessToken',
      labelKey: 'channels.field.accessToken',
      helpKey: 'channels.help.accessToken',
      input: { type: 'secret' },
    },
    {
      name: 'tokenExpiresOn',
      labelKey: 'channels.field.tokenExpiresOn',
      input: { type: 'date' },
      optional: true,
    },
    {
      name: 'clientIp',
      labelKey: 'channels.field.clientIp',
      input: { type: 'text' },
      optional: true,
    },
    {
      name: 'apiBase',
      labelKey: 'channels.field.apiBase',
      input: { type: 'url', placeholder: 'https://api.weibo.com/2' },
    },
  ],
  mastodon: [
    {
      name: 'instanceUrl',
      labelKey: 'channels.field.instanceUrl',
      input: { type: 'url', placeholder: 'https://mastodon.example' },
    },
    {
      name: 'accessToken',
      labelKey: 'channels.field.accessToken',
      helpKey: 'channels.help.accessToken',
      input: { type: 'secret' },
    },
    {
      name: 'visibility',
      labelKey: 'channels.field.visibility',
      input: {
        type: 'choice',
        options: [
          { value: 'public', labelKey: 'channels.visibility.public' },
          { value: 'unlisted', labelKey: 'channels.visibility.unlisted' },
        ],
      },
    },
    {
      name: 'language',
      labelKey: 'channels.field.language',
      input: { type: 'text', placeholder: 'zh' },
    },
  ],
  appfeed: [
    { name: 'feedTitle', labelKey: 'channels.field.feedTitle', input: { type: 'text' } },
    { name: 'homePageUrl', labelKey: 'channels.field.homePageUrl', input: { type: 'url' } },
    {
      name: 'feedUrl',
      labelKey: 'channels.field.feedUrl',
      input: { type: 'url', placeholder: 'https://www.example.gov.cn/app/feed.json' },
    },
    {
      name: 'feedDir',
      labelKey: 'channels.field.feedDir',
      helpKey: 'channels.help.feedDir',
      input: { type: 'text' },
    },
    {
      name: 'webhookUrl',
      labelKey: 'channels.field.webhookUrl',
      input: { type: 'url' },
      optional: true,
    },
    {
      name: 'webhookSecret',
      labelKey: 'channels.field.webhookSecret',
      input: { type: 'secret' },
      optional: true,
    },
  ],
};

/** Defaults a new account's form starts from. */
export const NEW_ACCOUNT_VALUES: Readonly<Record<ChannelId, Record<string, unknown>>> = {
  portal: { categories: '' },
  wechat: { apiBase: 'https://api.weixin.qq.com', openComment: false },
  weibo: { apiBase: 'https://api.weibo.com/2', tokenExpiresOn: '', clientIp: '' },
  mastodon: { visibility: 'public', language: 'zh' },
  appfeed: { webhookUrl: '' },
};

/** The form's values for an existing account's settings (secrets are never among them). */
export function formValuesOf(settings: AccountSettings): Record<string, unknown> {
  const values: Record<string, unknown> = { ...settings };
  if (settings.channel === 'portal') values.categories = settings.categories.join(', ');
  if (settings.channel === 'weibo') values.tokenExpiresOn = settings.tokenExpiresOn ?? '';
  return values;
}

/**
 * Splits the form's values into settings (validated by the host's schema) and secrets; a
 * secret left empty is not sent, so the stored one is kept.
 */
export function splitFormValues(
  channel: ChannelId,
  values: Record<string, unknown>,
): { settings: Record<string, unknown>; secrets: Record<string, string> } {
  const settings: Record<string, unknown> = { channel };
  const secrets: Record<string, string> = {};
  for (const field of ACCOUNT_FIELDS[channel]) {
    const value = values[field.name];
    switch (field.input.type) {
      case 'secret':
        if (typeof value === 'string' && value.trim() !== '') secrets[field.name] = value.trim();
        break;
      case 'ids':
        settings[field.name] = String(value ?? '')
          .split(/[,，\s]+/u)
          .filter((part) => part !== '')
          .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
        break;
      case 'date':
        settings[field.name] = typeof value === 'string' && value !== '' ? value : null;
        break;
      case 'boolean':
        settings[field.name] = value === true;
        break;
      case 'text':
      case 'url':
      case 'choice':
        settings[field.name] = typeof value === 'string' ? value : '';
        break;
      default: {
        const never: never = field.input;
        throw new Error(`unknown field input ${JSON.stringify(never)}`);
      }
    }
  }
  return { settings, secrets };
}
