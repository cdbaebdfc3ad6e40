/**
 * The outbox's promise against the five sandbox channels: one release, published through the
 * dispatcher to every channel, with the replies of the portal's create and of Weibo's share
 * lost after the channel committed them. Each channel ends with exactly one copy; the two
 * ambiguous sends were reconciled with the channel, never sent again blindly; WeChat went
 * through 'publishing' to its article URL; the microblogs carry the portal page's URL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountsRepository } from '../../../src/core/accounts/accountsRepository.ts';
import type { AnyChannelAdapter } from '../../../src/core/channels/adapter.ts';
import { createAdapter } from '../../../src/core/channels/createAdapter.ts';
import {
  startSandboxChannels,
  type SandboxChannels,
} from '../../../src/core/channels/sandbox/sandboxChannels.ts';
import { manualClock } from '../../../src/core/clock.ts';
import { DraftsRepository } from '../../../src/core/drafts/draftsRepository.ts';
import { memoryLogger } from '../../../src/core/log/logger.ts';
import { MediaLibrary } from '../../../src/core/media/mediaLibrary.ts';
import { channelPostOf } from '../../../src/core/publish/channelPostOf.ts';
import { Dispatcher } from '../../../src/core/publish/dispatcher.ts';
import { OutboxRepository } from '../../../src/core/publish/outboxRepository.ts';
import { keyFileSecretBox } from '../../../src/core/secrets/keyFileSecretBox.ts';
import { openDatabase } from '../../../src/core/store/openDatabase.ts';
import { CHANNEL_IDS, type ChannelId } from '../../../src/shared/content/channelId.ts';
import { DocumentMetaSchema } from '../../../src/shared/domain/documentMeta.ts';
import { EditorStateSchema } from '../../../src/shared/domain/editorState.ts';
import { publicationKey, type PublicationView } from '../../../src/shared/publish/publication.ts';
import { solidPng } from '../../fixtures/images.ts';
import { useTempDirs } from '../../fixtures/tempDir.ts';
import { fakeTimers } from '../../unit/core/publish/outboxFixtures.ts';

const TITLE = '通州区发布防汛应急预案';

describe('the outbox against the sandbox channels', () => {
  const tempDir = useTempDirs();
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('publishes one release to all five channels exactly once, lost replies reconciled', async () => {
    const dataDir = tempDir();
    const clock = manualClock(new Date());
    const sandbox: SandboxChannels = await startSandboxChannels({
      dataDir,
      now: () => clock.now(),
    });
    cleanup.push(() => sandbox.close());
    const { db } = openDatabase({ dataDir });
    cleanup.push(() => {
      db.close();
    });

    const accounts = new AccountsRepository(db, clock, keyFileSecretBox(tempDir()));
    const accountOf = new Map<ChannelId, string>();
    for (const channel of CHANNEL_IDS) {
      const { account } = sandbox.channels[channel];
      const view = accounts.create(
        {
          name: account.name,
          settings: account.settings,
          secrets: { ...account.secrets },
          sandbox: true,
        },
        '王编辑',
      );
      accountOf.set(channel, view.id);
    }
    const media = new MediaLibrary(db, dataDir, clock);
    const image = media.import(solidPng(64, 48, [30, 90, 160]), '防汛演练.png');
    const drafts = new DraftsRepository(db, clock);
    const draft = drafts.create(
      {
        kind: 'press_release',
        title: TITLE,
        meta: DocumentMetaSchema.parse({
          kind: 'press_release',
          summary: '区防汛指挥部发布今年防汛应急预案，明确四级响应。',
          keywords: ['防汛', '应急'],
          coverImage: image.hash,
          author: '区融媒体中心',
        }),
        body: EditorStateSchema.parse({
          root: {
            type: 'root',
            version: 1,
            children: [
              {
                type: 'heading',
                tag: 'h2',
                version: 1,
                children: [{ type: 'text', text: '一、总体要求', version: 1 }],
              },
              {
                type: 'paragraph',
                version: 1,
                children: [
                  {
                    type: 'text',
                    text: '各街道、乡镇要落实防汛责任制，加强值班值守。',
                    version: 1,
                  },
                  { type: 'image', mediaHash: image.hash, altText: '防汛演练现场' },
                ],
              },
            ],
          },
        }),
      },
      '王编辑',
    );

    // Adapters as the desk builds them, on the shared clock; their waits move the clock.
    const adapters = new Map<string, AnyChannelAdapter>();
    for (const channel of CHANNEL_IDS) {
      const id = accountOf.get(channel) ?? '';
      const { account } = sandbox.channels[channel];
      adapters.set(
        id,
        createAdapter(account.settings, account.secrets, {
          clock,
          uploads: accounts.uploads(id),
          sleep: async (ms) => {
            clock.advance(ms);
            await new Promise((resolve) => setImmediate(resolve));
          },
        }),
      );
    }

    // The replies to the portal's create and to Weibo's share are lost after the commit.
    sandbox.channels.portal.faults.add({
      method: 'POST',
      path: '/wp-json/wp/v2/posts',
      fault: { kind: 'reset-after-commit' },
    });
    sandbox.channels.weibo.faults.add({
      method: 'POST',
      path: '/2/statuses/share.json',
      fault: { kind: 'reset-after-commit' },
    });

    const outbox = new OutboxRepository(db, clock);
    const timers = fakeTimers(clock);
    const log = memoryLogger();
    const changes: PublicationView[] = [];
    const dispatcher = new Dispatcher({
      outbox,
      clock,
      adapterFor: (id) => adapters.get(id),
      postFor: (publication, context) => {
        const revision = drafts.revision(publication.releaseId, publication.revision);
        return channelPostOf(
          { title: revision.title, meta: revision.meta, body: revision.body },
          publication.channel,
          {
            key: publicationKey(publication.id),
            releaseId: publication.releaseId,
            media,
            portalUrl: context.portalUrl,
            now: clock.now(),
            publishAt: null,
          },
        );
      },
      isOnline: () => true,
      isPaused: () => false,
      missedWindowMs: () => 30 * 60_000,
      onChange: (p) => changes.push(p),
      timers,
      random: () => 0.5,
      log,
    });
    cleanup.push(() => dispatcher.stop());

    const revision = drafts.checkpoint(draft.id).number;
    const order: ChannelId[] = ['portal', 'wechat', 'weibo', 'mastodon', 'appfeed'];
    const views = outbox.enqueue(
      order.map((channel, index) => ({
        releaseId: draft.id,
        revision,
        title: TITLE,
        accountId: accountOf.get(channel) ?? '',
        channel,
        scheduledAt: null,
        dependsOn: index === 0 ? null : 0,
      })),
      '王编辑',
    );
    const idOf = new Map(order.map((channel, i) => [channel, views[i]?.id ?? ''] as const));

    dispatcher.start();
    await dispatcher.idle();
    for (let fired = 0; fired < 40 && timers.fireNext(); fired++) await dispatcher.idle();

    const detail = (channel: ChannelId) => outbox.get(idOf.get(channel) ?? '');
    const trail = (channel: ChannelId) =>
      detail(channel).attemptLog.map((a) => `${a.action}:${a.outcome}`);
    const errors = log.lines.filter((l) => l.level === 'error');
    expect(errors, JSON.stringify(errors)).toEqual([]);
    for (const channel of order) {
      expect(detail(channel).state, `${channel}: ${JSON.stringify(detail(channel))}`).toBe(
        'published',
      );
    }

    // The ambiguous ones were reconciled, and found, not sent again.
    expect(trail('portal')).toEqual(['publish:unknown', 'reconcile:found']);
    expect(trail('weibo')).toEqual(['publish:unknown', 'reconcile:found']);
    // WeChat: accepted, followed with status checks to its article.
    expect(trail('wechat')[0]).toBe('publish:pending');
    expect(trail('wechat').at(-1)).toBe('status:published');
    expect(changes.filter((c) => c.id === idOf.get('wechat')).map((c) => c.state)).toContain(
      'publishing',
    );
    const copies = await readBack(sandbox);
    expect(detail('wechat').remoteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(copies.wechat.map((a) => a.url)).toEqual([detail('wechat').remoteUrl]);

    // Exactly one copy on each channel, read back from the channel itself.
    const portalUrl = detail('portal').remoteUrl ?? 'missing';
    expect(portalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(copies.portal).toEqual([{ id: Number(detail('portal').remoteId), link: portalUrl }]);
    expect(copies.weibo.map((w) => w.idstr)).toEqual([detail('weibo').remoteId]);
    expect(copies.mastodon.map((m) => m.id)).toEqual([detail('mastodon').remoteId]);
    expect(copies.appfeed.map((i) => i.id)).toEqual([draft.id]);
    const webhooks = sandbox.channels.appfeed
      .records()
      .filter((r) => r.method === 'POST' && r.path === '/webhooks');
    expect(webhooks).toHaveLength(1);

    // Everything that links to the release links to its portal page.
    expect(copies.mastodon[0]?.content).toContain(portalUrl);
    expect(copies.appfeed[0]?.url).toBe(portalUrl);
    expect(copies.wechat[0]?.content_source_url).toBe(portalUrl);
    expect(copies.weibo[0]?.text).toContain(TITLE.slice(0, 6));

    expect(outbox.nextDueAt()).toBeNull();
  });
});

/** What each sandbox channel holds, read through its own API as a client would. */
async function readBack(sandbox: SandboxChannels) {
  const { portal, wechat, weibo, mastodon, appfeed } = sandbox.channels;
  const json = async <S extends z.ZodType>(url: string, schema: S, init?: RequestInit) => {
    const reply = await fetch(url, init);
    expect(reply.status, url).toBe(200);
    return schema.parse(await reply.json());
  };

  const posts = await json(
    `${portal.url}/wp-json/wp/v2/posts?per_page=100&status=publish,future,draft,pending,private&context=edit`,
    z.array(z.object({ id: z.number(), link: z.string() })),
    {
      headers: {
        authorization: `Basic ${Buffer.from(
          `${portal.account.settings.username}:${portal.account.secrets['applicationPassword'] ?? ''}`,
        ).toString('base64')}`,
      },
    },
  );

  const { access_token: wechatToken } = await json(
    `${wechat.url}/cgi-bin/token?grant_type=client_credential&appid=${wechat.account.settings.appId}&secret=${wechat.account.secrets['appSecret'] ?? ''}`,
    z.object({ access_token: z.string() }),
  );
  const list = await json(
    `${wechat.url}/cgi-bin/freepublish/batchget?access_token=${wechatToken}`,
    z.object({
      total_count: z.number(),
      item: z.array(
        z.object({
          content: z.object({
            news_item: z.array(z.object({ url: z.string(), content_source_url: z.string() })),
          }),
        }),
      ),
    }),
    { method: 'POST', body: JSON.stringify({ offset: 0, count: 20, no_content: 1 }) },
  );

  const timeline = await json(
    `${weibo.url}/2/statuses/user_timeline.json?count=100&access_token=${encodeURIComponent(weibo.account.secrets['accessToken'] ?? '')}`,
    z.object({
      statuses: z.array(z.object({ idstr: z.string(), text: z.string() })),
      total_number: z.number(),
    }),
  );
  expect(timeline.total_number).toBe(timeline.statuses.length);

  const bearer = {
    headers: { authorization: `Bearer ${mastodon.account.secrets['accessToken'] ?? ''}` },
  };
  const me = await json(
    `${mastodon.url}/api/v1/accounts/verify_credentials`,
    z.object({ id: z.string() }),
    bearer,
  );
  const statuses = await json(
    `${mastodon.url}/api/v1/accounts/${me.id}/statuses?limit=40`,
    z.array(z.object({ id: z.string(), content: z.string() })),
    bearer,
  );

  const feed = await json(
    `${appfeed.url}/feed.json`,
    z.object({ items: z.array(z.object({ id: z.string(), url: z.string().optional() })) }),
  );

  expect(list.total_count).toBe(list.item.length);
  return {
    portal: posts,
    wechat: list.item.flatMap((i) => i.content.news_item),
    weibo: timeline.statuses,
    mastodon: statuses,
    appfeed: feed.items,
  };
}
