import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AccountsRepository } from '../../../../src/core/accounts/accountsRepository.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { DeskError } from '../../../../src/core/errors.ts';
import { keyFileSecretBox } from '../../../../src/core/secrets/keyFileSecretBox.ts';
import { migrate } from '../../../../src/core/store/migrate.ts';
import { MIGRATIONS } from '../../../../src/core/store/migrations/index.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

const portal = {
  channel: 'portal' as const,
  siteUrl: 'https://www.example.gov.cn/',
  username: 'editor',
  categories: [],
};

describe('AccountsRepository', () => {
  const tempDir = useTempDirs();
  const open = () => {
    const dir = tempDir();
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, ':memory:');
    const clock = manualClock('2026-11-27T01:00:00Z');
    return { db, clock, accounts: new AccountsRepository(db, clock, keyFileSecretBox(dir)) };
  };

  it('creates an account whose view names the secrets set but never holds them', () => {
    const { accounts, db } = open();
    const view = accounts.create(
      { name: '区政府网站', settings: portal, secrets: { applicationPassword: 'abcd efgh ijkl' } },
      '王编辑',
    );
    expect(view).toMatchObject({
      channel: 'portal',
      name: '区政府网站',
      sandbox: false,
      secretsSet: ['applicationPassword'],
      createdBy: '王编辑',
      lastCheck: null,
    });
    expect(JSON.stringify(view)).not.toContain('abcd efgh');
    const stored = db.prepare('SELECT secrets FROM channel_accounts').get() as { secrets: Buffer };
    expect(stored.secrets.includes(Buffer.from('abcd efgh'))).toBe(false);
    expect(accounts.secretsOf(view.id)).toEqual({ applicationPassword: 'abcd efgh ijkl' });
  });

  it('keeps a secret not given on update, replaces one given, and clears the last check on changes', () => {
    const { accounts, clock } = open();
    const { id } = accounts.create(
      { name: 'a', settings: portal, secrets: { applicationPassword: 'first' } },
      'p',
    );
    accounts.recordCheck(id, {
      ok: true,
      at: clock.now().toISOString(),
      accountName: 'editor',
      details: [{ zh: 'WordPress 用户：editor', en: 'WordPress user: editor' }],
    });
    expect(accounts.update({ id, name: 'b', secrets: {} }, 'q').lastCheck).toMatchObject({
      ok: true,
      details: [{ zh: 'WordPress 用户：editor', en: 'WordPress user: editor' }],
    });
    expect(accounts.secretsOf(id)).toEqual({ applicationPassword: 'first' });
    const changed = accounts.update({ id, secrets: { applicationPassword: 'second' } }, 'q');
    expect(changed.lastCheck).toBeNull();
    expect(changed.updatedBy).toBe('q');
    expect(accounts.secretsOf(id)).toEqual({ applicationPassword: 'second' });
  });

  it('refuses a second account of the same name on a channel, another channel, and foreign secrets', () => {
    const { accounts } = open();
    const { id } = accounts.create(
      { name: 'a', settings: portal, secrets: { applicationPassword: 'x' } },
      'p',
    );
    expect(() =>
      accounts.create({ name: 'a', settings: portal, secrets: { applicationPassword: 'y' } }, 'p'),
    ).toThrow(/already an account/);
    expect(() =>
      accounts.update(
        {
          id,
          settings: {
            channel: 'weibo',
            apiBase: 'https://api.weibo.com/2',
            tokenExpiresOn: null,
            clientIp: '',
          },
          secrets: {},
        },
        'p',
      ),
    ).toThrow(/cannot change/);
    expect(() => accounts.update({ id, secrets: { accessToken: 'z' } }, 'p')).toThrow(
      /Not a secret of this channel/,
    );
  });

  it('asks for the webhook secret once an app feed account gets a webhook address', () => {
    const { accounts } = open();
    const feed = {
      channel: 'appfeed' as const,
      feedTitle: '区政府发布',
      homePageUrl: 'https://www.example.gov.cn/',
      feedUrl: 'https://www.example.gov.cn/app/feed.json',
      feedDir: '/srv/feed',
      webhookUrl: '',
    };
    const { id } = accounts.create({ name: 'app', settings: feed, secrets: {} }, 'p');
    let error: unknown;
    try {
      accounts.update(
        { id, settings: { ...feed, webhookUrl: 'https://app.example/hooks' }, secrets: {} },
        'p',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).issues).toEqual([
      { path: 'secrets.webhookSecret', message: 'Required.' },
    ]);
  });

  it('lets a sandbox account change its name only', () => {
    const { accounts } = open();
    const { id } = accounts.create(
      { name: '沙箱', settings: portal, secrets: { applicationPassword: 'x' }, sandbox: true },
      'p',
    );
    expect(accounts.update({ id, name: '沙箱 2', secrets: {} }, 'p').name).toBe('沙箱 2');
    expect(() => accounts.update({ id, settings: portal, secrets: {} }, 'p')).toThrow(/sandbox/i);
  });

  it('keeps an upload cache per account, removed with the account', () => {
    const { accounts, db } = open();
    const { id } = accounts.create(
      { name: 'a', settings: portal, secrets: { applicationPassword: 'x' } },
      'p',
    );
    const hash = 'a'.repeat(64);
    accounts.uploads(id).set(hash, 'wp-media', '12 https://x/y.png');
    expect(accounts.uploads(id).get(hash, 'wp-media')).toBe('12 https://x/y.png');
    expect(accounts.uploads(id).get(hash, 'other')).toBeUndefined();
    db.pragma('foreign_keys = ON');
    accounts.remove(id);
    expect(db.prepare('SELECT count(*) AS n FROM channel_uploads').get()).toEqual({ n: 0 });
    expect(() => accounts.remove(id)).toThrow(/No channel account/);
  });

  it('says which account to re-enter when its secrets cannot be opened (key file replaced)', () => {
    const { accounts, db, clock } = open();
    const { id } = accounts.create(
      { name: '公众号', settings: portal, secrets: { applicationPassword: 'x' } },
      'p',
    );
    const other = new AccountsRepository(db, clock, keyFileSecretBox(tempDir()));
    expect(() => other.secretsOf(id)).toThrow(/公众号.*Enter them again/);
  });
});
