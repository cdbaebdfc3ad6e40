import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { AccountAdapters } from '../../../../src/core/accounts/accountAdapters.ts';
import { AccountsRepository } from '../../../../src/core/accounts/accountsRepository.ts';
import type { AnyChannelAdapter, VerifyOutcome } from '../../../../src/core/channels/adapter.ts';
import { manualClock } from '../../../../src/core/clock.ts';
import { memoryLogger } from '../../../../src/core/log/logger.ts';
import { keyFileSecretBox } from '../../../../src/core/secrets/keyFileSecretBox.ts';
import { migrate } from '../../../../src/core/store/migrate.ts';
import { MIGRATIONS } from '../../../../src/core/store/migrations/index.ts';
import { useTempDirs } from '../../../fixtures/tempDir.ts';

const PASSWORD = 'abcd efgh ijkl';

/** What the (fake) channel answers to the connection test: it echoes the secret. */
let verifyOutcome: VerifyOutcome;

vi.mock('../../../../src/core/channels/createAdapter.ts', () => ({
  createAdapter: () =>
    ({
      channel: 'portal',
      verify: () => Promise.resolve(verifyOutcome),
    }) as unknown as AnyChannelAdapter,
}));

describe('AccountAdapters.test: the recorded connection test', () => {
  const tempDir = useTempDirs();

  it('records the details in both languages, with the secret removed from each', async () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, ':memory:');
    const clock = manualClock('2026-11-27T01:00:00Z');
    const accounts = new AccountsRepository(db, clock, keyFileSecretBox(tempDir()));
    const { id } = accounts.create(
      {
        name: '区政府网站',
        settings: {
          channel: 'portal',
          siteUrl: 'https://www.example.gov.cn/',
          username: 'editor',
          categories: [],
        },
        secrets: { applicationPassword: PASSWORD },
      },
      '王编辑',
    );
    verifyOutcome = {
      ok: true,
      accountName: 'editor',
      details: [
        { zh: `站点回显：${PASSWORD}`, en: `The site echoed: ${PASSWORD}` },
        { zh: 'REST API 地址：https://www.example.gov.cn/wp-json/', en: 'REST API: …/wp-json/' },
      ],
    };
    const adapters = new AccountAdapters({
      accounts,
      sandbox: undefined,
      clock,
      log: memoryLogger(),
    });

    const view = await adapters.test(id);

    expect(view.lastCheck).toEqual({
      ok: true,
      at: '2026-11-27T01:00:00.000Z',
      accountName: 'editor',
      details: [
        { zh: '站点回显：••••', en: 'The site echoed: ••••' },
        { zh: 'REST API 地址：https://www.example.gov.cn/wp-json/', en: 'REST API: …/wp-json/' },
      ],
    });
    expect(JSON.stringify(accounts.get(id).lastCheck)).not.toContain(PASSWORD);
  });
});
