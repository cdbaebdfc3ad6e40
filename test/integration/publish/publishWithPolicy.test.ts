import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type DeskApp } from '../../../src/core/app.ts';
import {
  startSandboxChannels,
  type SandboxChannels,
} from '../../../src/core/channels/sandbox/sandboxChannels.ts';
import type { AccountList } from '../../../src/shared/channels/account.ts';
import type {
  PublicationDetail,
  PublicationView,
} from '../../../src/shared/publish/publication.ts';
import { solidPng } from '../../fixtures/images.ts';
import { callValue } from '../../fixtures/callValue.ts';

const body = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, version: 1 }] }],
  },
});

/** 发布与解读同步: the policy and its interpretation in one action, the policy first everywhere. */
describe('publishing a policy interpretation together with its policy', () => {
  let dataDir: string;
  let sandbox: SandboxChannels;
  let app: DeskApp;
  const call = <T>(method: string, input: unknown): Promise<T> => callValue<T>(app, method, input);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-policy-'));
    sandbox = await startSandboxChannels({ dataDir });
    // The sandbox answers at once: a lost request cannot land later than a second after.
    app = createApp({
      dataDir,
      runtime: 'headless',
      sandbox,
      dispatcherTuning: { settleMs: 1_000 },
    });
  });
  afterAll(async () => {
    await app.shutdown();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'goes out in one action, the policy before its interpretation on every account',
    { timeout: 150_000 },
    async () => {
      const cover = await call<{ hash: string }>('media.import', {
        fileName: 'cover.png',
        dataBase64: solidPng(64, 40).toString('base64'),
      });
      const policy = await call<{ id: string }>('drafts.create', {
        kind: 'notice',
        title: '通州区促进就业创业若干措施',
        meta: { kind: 'notice', coverImage: cover.hash },
        body: body('为促进就业创业，制定以下措施。'),
      });
      const interpretation = await call<{ id: string }>('drafts.create', {
        kind: 'policy_interpretation',
        title: '一图读懂《通州区促进就业创业若干措施》',
        meta: {
          kind: 'policy_interpretation',
          coverImage: cover.hash,
          policy: { source: 'draft', draftId: policy.id },
        },
        body: body('本措施从五个方面支持就业创业。'),
      });
      const accounts = await call<AccountList>('accounts.list', {});
      const chosen = accounts.items.filter(
        (a) => a.sandbox && ['portal', 'weibo', 'mastodon'].includes(a.channel),
      );
      // The policy's first Weibo post fails (a 503): it must be settled before the
      // interpretation goes to Weibo, however long that takes.
      sandbox.channels.weibo.faults.add({
        method: 'POST',
        path: '/2/statuses/share.json',
        fault: { kind: 'status', status: 503, body: '{"error":"busy"}' },
      });
      const created = await call<PublicationView[]>('publish.enqueue', {
        releaseId: interpretation.id,
        withPolicy: true,
        items: chosen.map((a) => ({ accountId: a.id, scheduledAt: null })),
      });
      expect(created).toHaveLength(6);
      expect(new Set(created.map((p) => p.releaseId))).toEqual(
        new Set([policy.id, interpretation.id]),
      );

      let all: PublicationView[] = [];
      for (let i = 0; i < 1200; i++) {
        all = [
          ...(await call<PublicationView[]>('publish.list', { releaseId: policy.id })),
          ...(await call<PublicationView[]>('publish.list', { releaseId: interpretation.id })),
        ];
        if (all.length === 6 && all.every((p) => p.state === 'published')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(all.map((p) => p.state)).toEqual(Array(6).fill('published'));
      for (const account of chosen) {
        const mine = all.filter((p) => p.accountId === account.id);
        const first = mine.find((p) => p.releaseId === policy.id);
        const second = mine.find((p) => p.releaseId === interpretation.id);
        const detail = await call<PublicationDetail>('publish.get', { id: second?.id });
        // The interpretation was first attempted only once the policy was out on this account.
        expect(new Date(detail.attemptLog[0]?.startedAt ?? 0).getTime()).toBeGreaterThanOrEqual(
          new Date(first?.publishedAt ?? Infinity).getTime(),
        );
      }
      // Each links to its own portal page, not the other's.
      const weiboOf = (releaseId: string) =>
        all.find((p) => p.releaseId === releaseId && p.channel === 'weibo');
      expect(weiboOf(policy.id)?.remoteId).not.toBe(weiboOf(interpretation.id)?.remoteId);
    },
  );

  it('refuses to take a policy along for a release that names none', async () => {
    const draft = await call<{ id: string }>('drafts.create', {
      kind: 'press_release',
      title: '新闻稿',
    });
    const accounts = await call<AccountList>('accounts.list', {});
    const envelope = await app.call('publish.enqueue', {
      releaseId: draft.id,
      withPolicy: true,
      items: [{ accountId: accounts.items[0]?.id, scheduledAt: null }],
    });
    expect(envelope.ok === false && envelope.error.code).toBe('refused');
  });
});
