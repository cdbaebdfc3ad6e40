import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type DeskApp } from '../../../src/core/app.ts';
import {
  startSandboxChannels,
  type SandboxChannels,
} from '../../../src/core/channels/sandbox/sandboxChannels.ts';
import type { AccountList } from '../../../src/shared/channels/account.ts';
import type { PublicationChange } from '../../../src/shared/publish/publicationChange.ts';
import type { PublicationView } from '../../../src/shared/publish/publication.ts';
import { solidPng } from '../../fixtures/images.ts';
import { callValue } from '../../fixtures/callValue.ts';

/** Retracting and correcting a release everywhere it went, through the app, on the sandbox. */
describe('retract and correct a release everywhere', () => {
  let dataDir: string;
  let sandbox: SandboxChannels;
  let app: DeskApp;
  const call = <T>(method: string, input: unknown): Promise<T> => callValue<T>(app, method, input);

  /** A release published to the five sandbox accounts, settled. */
  async function publishedRelease(title: string): Promise<string> {
    const image = await call<{ hash: string }>('media.import', {
      fileName: 'cover.png',
      dataBase64: solidPng(64, 40).toString('base64'),
    });
    const draft = await call<{ id: string }>('drafts.create', {
      kind: 'press_release',
      title,
      meta: { kind: 'press_release', coverImage: image.hash, summary: '区政府召开会议部署工作。' },
      body: {
        root: {
          type: 'root',
          version: 1,
          children: [
            {
              type: 'paragraph',
              version: 1,
              children: [{ type: 'text', text: '会议部署了今年的防汛工作。', version: 1 }],
            },
          ],
        },
      },
    });
    const accounts = await call<AccountList>('accounts.list', {});
    await call('publish.enqueue', {
      releaseId: draft.id,
      items: accounts.items
        .filter((a) => a.sandbox)
        .map((a) => ({ accountId: a.id, scheduledAt: null })),
    });
    for (let i = 0; i < 200; i++) {
      const list = await call<PublicationView[]>('publish.list', { releaseId: draft.id });
      if (list.length === 5 && list.every((p) => p.state === 'published')) return draft.id;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the release did not publish everywhere in 20 s');
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pressdesk-changes-'));
    sandbox = await startSandboxChannels({ dataDir });
    app = createApp({ dataDir, runtime: 'headless', sandbox });
  });
  afterAll(async () => {
    await app.shutdown();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('retracts through each API where it can; elsewhere a person gets instructions and confirms', async () => {
    const releaseId = await publishedRelease('关于暂停开放区图书馆的通知');
    const changes = await call<PublicationChange[]>('publish.retract', {
      releaseId,
      reason: '通知有误',
    });
    const byChannel = Object.fromEntries(changes.map((c) => [c.channel, c]));
    expect(byChannel.portal?.outcome).toBe('done');
    expect(byChannel.wechat?.outcome).toBe('done');
    expect(byChannel.mastodon?.outcome).toBe('done');
    expect(byChannel.appfeed?.outcome).toBe('done');
    // The Weibo sandbox behaves like an ordinary app: no delete API, a person removes it.
    const weibo = byChannel.weibo;
    expect(['done', 'manual']).toContain(weibo?.outcome);
    const states = Object.fromEntries(
      (await call<PublicationView[]>('publish.list', { releaseId })).map((p) => [
        p.channel,
        p.state,
      ]),
    );
    expect(states).toMatchObject({
      portal: 'retracted',
      wechat: 'retracted',
      mastodon: 'retracted',
      appfeed: 'retracted',
    });
    if (weibo?.outcome === 'manual') {
      expect(weibo.problem?.message.zh).toBeTruthy();
      expect(weibo.url).toMatch(/^https?:\/\//);
      expect(states.weibo).toBe('published');
      await call('publish.confirmChange', { publicationId: weibo.publicationId, kind: 'retract' });
      const after = await call<PublicationView[]>('publish.list', { releaseId });
      expect(after.find((p) => p.channel === 'weibo')?.state).toBe('retracted');
    }
    // The record keeps who asked, why, and what each channel did.
    const record = await call<PublicationChange[]>('publish.changes', { releaseId });
    expect(
      record
        .filter((c) => c.kind === 'retract')
        .every((c) => c.reason === '通知有误' || c.outcome === 'confirmed'),
    ).toBe(true);
    // The portal post is in WordPress's trash; the feed holds a tombstone.
    const feed = (await (await fetch(`${sandbox.channels.appfeed.url}/feed.json`)).json()) as {
      items: { id: string; _retracted?: unknown }[];
    };
    expect(feed.items.find((i) => i.id === releaseId)?._retracted).toBeTruthy();
  });

  it('corrects in place where the channel allows it, and says what to do where it does not', async () => {
    const releaseId = await publishedRelease('区政府召开防汛工作会议');
    await call('drafts.save', {
      id: releaseId,
      baseVersion: (await call<{ version: number }>('drafts.get', { id: releaseId })).version,
      title: '区政府召开防汛工作会议（更正）',
    });
    const changes = await call<PublicationChange[]>('publish.correct', {
      releaseId,
      reason: '标题更正',
    });
    const byChannel = Object.fromEntries(changes.map((c) => [c.channel, c]));
    expect(byChannel.portal?.outcome).toBe('done');
    expect(byChannel.mastodon?.outcome).toBe('done');
    expect(byChannel.appfeed?.outcome).toBe('done');
    // WeChat and Weibo cannot edit a published post: instructions and the link for a person.
    expect(byChannel.wechat?.outcome).toBe('manual');
    expect(byChannel.weibo?.outcome).toBe('manual');
    expect(byChannel.wechat?.url).toMatch(/^https?:\/\//);
    const portal = (await call<PublicationView[]>('publish.list', { releaseId })).find(
      (p) => p.channel === 'portal',
    );
    expect(portal?.revision).toBe(byChannel.portal?.revision);
    const post = (await (
      await fetch(`${sandbox.channels.portal.url}/wp-json/wp/v2/posts/${portal?.remoteId}`)
    ).json()) as { title: { rendered: string } };
    expect(post.title.rendered).toContain('（更正）');
  });
});
