import { describe, expect, it } from 'vitest';
import {
  AccountSettingsSchema,
  SECRET_FIELDS,
} from '../../../../../src/shared/channels/accountSettings.ts';
import { CHANNEL_IDS } from '../../../../../src/shared/content/channelId.ts';
import {
  ACCOUNT_FIELDS,
  formValuesOf,
  NEW_ACCOUNT_VALUES,
  splitFormValues,
} from '../../../../../src/renderer/features/channels/accountFields.ts';

describe('account form fields', () => {
  it('offer every setting and every secret of each channel, and nothing else', () => {
    for (const channel of CHANNEL_IDS) {
      const schema = AccountSettingsSchema.options.find((o) => o.shape.channel.value === channel);
      const settingNames = Object.keys(schema?.shape ?? {}).filter((k) => k !== 'channel');
      const names = ACCOUNT_FIELDS[channel].map((f) => f.name).sort();
      expect(names).toEqual([...settingNames, ...SECRET_FIELDS[channel]].sort());
    }
  });

  it('split a filled-in form into settings the schema accepts and the secrets given', () => {
    const { settings, secrets } = splitFormValues('portal', {
      siteUrl: 'https://www.example.gov.cn/',
      username: 'editor',
      applicationPassword: ' abcd efgh ',
      categories: '3，7 12',
    });
    expect(AccountSettingsSchema.parse(settings)).toEqual({
      channel: 'portal',
      siteUrl: 'https://www.example.gov.cn/',
      username: 'editor',
      categories: [3, 7, 12],
    });
    expect(secrets).toEqual({ applicationPassword: 'abcd efgh' });
  });

  it('send no secret left empty (the stored one is kept), and null for an empty date', () => {
    const { settings, secrets } = splitFormValues('weibo', {
      ...NEW_ACCOUNT_VALUES.weibo,
      accessToken: '',
    });
    expect(secrets).toEqual({});
    expect(settings.tokenExpiresOn).toBeNull();
    expect(AccountSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('round-trip stored settings through the form unchanged', () => {
    const stored = AccountSettingsSchema.parse({
      channel: 'weibo',
      tokenExpiresOn: '2026-12-31',
      clientIp: '203.0.113.7',
    });
    expect(
      AccountSettingsSchema.parse(splitFormValues('weibo', formValuesOf(stored)).settings),
    ).toEqual(stored);
  });

  it('leave a category that is not a number for the host to refuse, naming the field', () => {
    const { settings } = splitFormValues('portal', {
      siteUrl: 'https://x.example/',
      username: 'u',
      categories: 'news',
    });
    const result = AccountSettingsSchema.safeParse(settings);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe('categories');
  });
});
