/**
 * The district app (区客户端) adapter: a JSON Feed 1.1 file the app reads, plus a signed
 * Standard Webhooks event to the app backend for each change. See shared/channels/appfeed.md.
 *
 * Repeat safety (also in `repeatSafety`):
 * - publish: safe. The feed item id is stable and writing the same id replaces the item; the
 *   feed is written atomically under a per-folder lock. The release.published event carries a
 *   webhook-id derived from the publication key, the same on every attempt, and the receiver
 *   dedupes on it. Progress notes that the feed was written, so a retry only re-sends the
 *   event. A lost webhook reply is therefore `retry`, never `unknown`.
 * - update: safe. Replaying the same content finds it already in the feed and keeps its
 *   date_modified, so the release.updated webhook-id (item id + date_modified) repeats too.
 * - retract: safe. The tombstone, once written, is kept as it is; the release.retracted
 *   webhook-id (item id + withdrawal moment) repeats with it.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Message } from '../../../shared/content/finding.ts';
import {
  JsonFeedItemSchema,
  type JsonFeedItem,
} from '../../../shared/content/jsonFeedItemSchema.ts';
import type {
  ChangeOutcome,
  ChannelAdapter,
  Progress,
  PublishOutcome,
  ReconcileOutcome,
  RemoteRef,
  RepeatSafety,
  VerifyOutcome,
} from '../adapter.ts';
import type { AdapterOptions } from '../adapterOptions.ts';
import { channelHttp } from '../channelHttp.ts';
import type { PostOf } from '../channelPost.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { changeFeed, unreadableFeedProblem } from './changeFeed.ts';
import { withFeedLock } from './feedLock.ts';
import { copyMedia, mediaNamesIn, mediaUrlOf, removeUnusedMedia } from './feedMedia.ts';
import {
  describeError,
  feedPathOf,
  findItem,
  mergeItem,
  readFeed,
  retractionOf,
  tombstoneOf,
  type FeedMeta,
} from './jsonFeedDocument.ts';
import {
  MAX_KEY_BYTES,
  MIN_KEY_BYTES,
  parseWebhookSecret,
  type SecretParse,
} from './standardWebhooks.ts';
import {
  deliverWebhook,
  webhookIdFor,
  type Delivery,
  type WebhookEvent,
} from './webhookDelivery.ts';

/** Progress notes of one publication. */
const NOTE_FEED_WRITTEN = 'appfeed.feedWritten';
const NOTE_EVENT_AT = 'appfeed.eventAt';

const REPEAT_SAFETY: RepeatSafety = {
  publish: {
    safe: true,
    why: 'The feed item id is stable and re-writing it replaces the item; the webhook-id is derived from the publication key and the app backend dedupes on it.',
  },
  update: {
    safe: true,
    why: 'The same content is found already in the feed and keeps its date_modified, so the release.updated event repeats with the same webhook-id, which the backend dedupes.',
  },
  retract: {
    safe: true,
    why: 'A tombstone once written is kept as it is, so the release.retracted event repeats with the same webhook-id, which the backend dedupes.',
  },
};

const DONE_PUBLISH: Message = {
  zh: '稿件已写入客户端信息流，客户端下次刷新即可看到，只是通知尚未送达。',
  en: 'The release is already in the app feed (apps see it when they next refresh); only the notification is outstanding.',
};
const DONE_UPDATE: Message = {
  zh: '修改已写入客户端信息流，只是通知尚未送达。',
  en: 'The change is already in the app feed; only the notification is outstanding.',
};
const DONE_RETRACT: Message = {
  zh: '稿件已在客户端信息流中撤回，只是通知尚未送达。',
  en: 'The release is already withdrawn in the app feed; only the notification is outstanding.',
};

/** What is wrong with a malformed webhook secret, by parseWebhookSecret's reason. */
const SECRET_TROUBLE: Readonly<Record<Extract<SecretParse, { ok: false }>['reason'], Message>> = {
  missing: { zh: '账号中没有填写 Webhook 密钥', en: 'The account has no webhook secret' },
  prefix: { zh: 'Webhook 密钥应以 whsec_ 开头', en: 'The webhook secret must start with whsec_' },
  base64: {
    zh: 'Webhook 密钥中 whsec_ 之后的部分不是有效的 Base64 编码',
    en: 'The part of the webhook secret after whsec_ is not valid base64',
  },
  length: {
    zh: `Webhook 密钥的长度不对（应为 ${MIN_KEY_BYTES} 到 ${MAX_KEY_BYTES} 字节）`,
    en: `The webhook secret has the wrong length (it must be ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes)`,
  },
};

type SecretCheck =
  { ok: true; secret: string | undefined } | { ok: false; problem: ChannelProblem };

export function createAppfeedAdapter(
  options: AdapterOptions<'appfeed'>,
): ChannelAdapter<'appfeed'> {
  const { settings, clock } = options;
  const http = options.http ?? channelHttp('appfeed');
  const feedDir = settings.feedDir;
  const meta: FeedMeta = {
    title: settings.feedTitle,
    homePageUrl: settings.homePageUrl,
    feedUrl: settings.feedUrl,
  };

  /** The webhook secret when a webhook address is set; undefined when the feed is all. */
  function checkSecret(): SecretCheck {
    if (settings.webhookUrl === '') return { ok: true, secret: undefined };
    const secret = options.secrets.webhookSecret?.trim();
    const parsed = parseWebhookSecret(secret);
    if (parsed.ok) return { ok: true, secret };
    const why = SECRET_TROUBLE[parsed.reason];
    return {
      ok: false,
      problem: problem(
        'appfeed',
        `appfeed.secret-${parsed.reason}`,
        `${why.zh}，无法给通知签名。请向客户端运维人员索取完整的密钥（形如 whsec_ 加一串 Base64 字符），在账号设置中重新填写。`,
        `${why.en}, so notifications cannot be signed. Get the complete secret (whsec_ followed by base64 characters) from the app team and enter it again in the account settings.`,
      ),
    };
  }

  /**
   * Copies the post's images and builds its item with their feed addresses. The item is
   * checked against JsonFeedItemSchema: the feed never takes an item the app could not read.
   */
  async function buildItem(
    post: PostOf<'appfeed'>,
    id: string | undefined,
  ): Promise<{ ok: true; item: JsonFeedItem } | { ok: false; problem: ChannelProblem }> {
    const copied = await copyMedia(feedDir, settings.feedUrl, post.images);
    if (!copied.ok) return copied;
    const missing: string[] = [];
    const built = post.item((hash) => {
      const url = copied.urls.get(hash);
      if (url !== undefined) return url;
      missing.push(hash);
      return mediaUrlOf(settings.feedUrl, hash);
    });
    if (missing.length > 0) {
      return {
        ok: false,
        problem: problem(
          'appfeed',
          'appfeed.image-not-supplied',
          `稿件引用了 ${missing.length} 张没有随稿提供的图片，无法写入客户端信息流。请在编辑器中重新插入这些图片后再发布。`,
          `The release refers to ${missing.length} image(s) that did not come with it, so it cannot go into the app feed. Insert those images again in the editor, then publish again.`,
          missing.join(', '),
        ),
      };
    }
    const item = id === undefined ? built : { ...built, id };
    const checked = JsonFeedItemSchema.safeParse(item);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return {
        ok: false,
        problem: problem(
          'appfeed',
          'appfeed.item-invalid',
          '生成的客户端信息条目不符合 JSON Feed 1.1 格式，没有写入。这是 PressDesk 的问题，请把此信息转给技术支持。',
          'The app feed item PressDesk made is not valid JSON Feed 1.1 and was not written. This is a PressDesk fault: pass this message on to support.',
          `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
        ),
      };
    }
    return { ok: true, item: checked.data };
  }

  async function send(
    id: string,
    event: WebhookEvent,
    secret: string,
    done: Message | undefined,
  ): Promise<Delivery> {
    return deliverWebhook({
      http,
      url: settings.webhookUrl,
      secret,
      id,
      event,
      now: clock.now(),
      done,
    });
  }

  function eventData(item: JsonFeedItem): Record<string, string | null> {
    return {
      id: item.id,
      url: item.url ?? null,
      title: item.title ?? null,
      feed_url: settings.feedUrl,
    };
  }

  async function publish(post: PostOf<'appfeed'>, progress: Progress): Promise<PublishOutcome> {
    const secret = checkSecret();
    if (!secret.ok) return { kind: 'failed', problem: secret.problem, reauthorize: true };
    const notes = progress.get();
    const written = await changeFeed(feedDir, meta, async (feed) => {
      const earlier = notes[NOTE_FEED_WRITTEN];
      const already = earlier === undefined ? undefined : findItem(feed, earlier);
      if (already !== undefined && retractionOf(already) === undefined) {
        return { feed: null, value: already };
      }
      const built = await buildItem(post, undefined);
      if (!built.ok) return { problem: built.problem };
      return { feed: mergeItem(feed, built.item, clock.now()), value: built.item };
    });
    if (!written.ok) return { kind: 'failed', problem: written.problem, reauthorize: false };
    const item = written.value;
    const eventAt = notes[NOTE_EVENT_AT] ?? clock.now().toISOString();
    progress.save({ [NOTE_FEED_WRITTEN]: item.id, [NOTE_EVENT_AT]: eventAt });
    const remote: RemoteRef = { remoteId: item.id, url: item.url ?? settings.feedUrl };
    if (secret.secret === undefined) return { kind: 'published', remote };

    const delivery = await send(
      webhookIdFor('release.published', post.key),
      { type: 'release.published', timestamp: eventAt, data: eventData(item) },
      secret.secret,
      DONE_PUBLISH,
    );
    switch (delivery.kind) {
      case 'delivered':
        return { kind: 'published', remote };
      case 'retry':
        return delivery;
      case 'failed':
        return { kind: 'failed', problem: delivery.problem, reauthorize: delivery.reauthorize };
      default: {
        const never: never = delivery;
        throw new Error(`unknown delivery ${JSON.stringify(never)}`);
      }
    }
  }

  async function update(remote: RemoteRef, post: PostOf<'appfeed'>): Promise<ChangeOutcome> {
    const secret = checkSecret();
    if (!secret.ok) return { kind: 'failed', problem: secret.problem, reauthorize: true };
    const id = remote.remoteId;
    const written = await changeFeed(feedDir, meta, async (feed) => {
      const existing = findItem(feed, id);
      if (existing !== undefined && retractionOf(existing) !== undefined) {
        return {
          problem: problem(
            'appfeed',
            'appfeed.update-retracted',
            '这条稿件已在客户端信息流中撤回，不能再修改。如需重新上线，请重新发布。',
            'This release has been withdrawn from the app feed and cannot be changed. To put it back, publish it again.',
          ),
        };
      }
      const built = await buildItem(post, id);
      if (!built.ok) return { problem: built.problem };
      const candidate: JsonFeedItem = {
        ...built.item,
        ...(existing?.date_published === undefined
          ? {}
          : { date_published: existing.date_published }),
      };
      if (existing !== undefined && sameContent(existing, candidate)) {
        return { feed: null, value: existing };
      }
      const item = { ...candidate, date_modified: clock.now().toISOString() };
      return { feed: mergeItem(feed, item, clock.now()), value: item };
    });
    if (!written.ok) return { kind: 'failed', problem: written.problem, reauthorize: false };
    const item = written.value;
    const changed: RemoteRef = { ...remote, url: item.url ?? settings.feedUrl };
    if (secret.secret === undefined) return { kind: 'done', remote: changed };
    const modified = item.date_modified ?? clock.now().toISOString();
    const delivery = await send(
      webhookIdFor('release.updated', id, modified),
      { type: 'release.updated', timestamp: modified, data: eventData(item) },
      secret.secret,
      DONE_UPDATE,
    );
    return changeOutcome(delivery, changed);
  }

  async function retract(remote: RemoteRef): Promise<ChangeOutcome> {
    const secret = checkSecret();
    if (!secret.ok) return { kind: 'failed', problem: secret.problem, reauthorize: true };
    const id = remote.remoteId;
    const written = await changeFeed(feedDir, meta, async (feed) => {
      const existing = findItem(feed, id);
      const earlier = existing === undefined ? undefined : retractionOf(existing);
      if (earlier !== undefined) return { feed: null, value: { at: earlier.at, images: [] } };
      const stone = tombstoneOf(existing, id, clock.now());
      return {
        feed: mergeItem(feed, stone, clock.now()),
        value: {
          at: stone.date_modified ?? clock.now().toISOString(),
          images: existing === undefined ? [] : mediaNamesIn(JSON.stringify(existing)),
        },
      };
    });
    if (!written.ok) return { kind: 'failed', problem: written.problem, reauthorize: false };
    const { at, images } = written.value;
    if (images.length > 0) {
      // The withdrawn item's images stop being served unless another item still shows them.
      await withFeedLock(feedDir, async () => {
        const read = await readFeed(feedDir);
        if (read.kind === 'ok') {
          await removeUnusedMedia(feedDir, images, JSON.stringify(read.feed.items));
        }
      });
    }
    if (secret.secret === undefined) return { kind: 'done', remote };
    const delivery = await send(
      webhookIdFor('release.retracted', id, at),
      {
        type: 'release.retracted',
        timestamp: at,
        data: { id, url: remote.url, title: null, feed_url: settings.feedUrl },
      },
      secret.secret,
      DONE_RETRACT,
    );
    return changeOutcome(delivery, remote);
  }

  async function reconcile(post: PostOf<'appfeed'>): Promise<ReconcileOutcome> {
    const id = post.item((hash) => mediaUrlOf(settings.feedUrl, hash)).id;
    const read = await readFeed(feedDir);
    switch (read.kind) {
      case 'absent':
        return { kind: 'absent' };
      case 'unreadable':
        return { kind: 'undetermined', problem: unreadableFeedProblem(feedDir, read.detail) };
      case 'ok':
        break;
      default: {
        const never: never = read;
        throw new Error(`unknown feed read ${JSON.stringify(never)}`);
      }
    }
    const item = findItem(read.feed, id);
    if (item === undefined) return { kind: 'absent' };
    if (retractionOf(item) !== undefined) {
      return {
        kind: 'undetermined',
        problem: problem(
          'appfeed',
          'appfeed.reconcile-retracted',
          '客户端信息流中这条稿件已被撤回。是否重新发布，请由负责人决定。',
          'This release is in the app feed as withdrawn. Whether to publish it again is for a person to decide.',
        ),
      };
    }
    return {
      kind: 'found',
      outcome: {
        kind: 'published',
        remote: { remoteId: item.id, url: item.url ?? settings.feedUrl },
      },
    };
  }

  async function verify(): Promise<VerifyOutcome> {
    const details: Message[] = [];
    for (const [name, value] of [
      ['feed address', settings.feedUrl],
      ['home page', settings.homePageUrl],
    ] as const) {
      if (!isHttpUrl(value)) {
        return {
          ok: false,
          reauthorize: false,
          problem: problem(
            'appfeed',
            'appfeed.settings-url',
            `账号设置中的${name === 'feed address' ? '信息流地址' : '首页地址'}（${value}）不是有效的 http 或 https 地址。请改正后重试。`,
            `The ${name} in the account settings (${value}) is not a valid http or https address. Correct it and try again.`,
          ),
        };
      }
    }
    details.push({
      zh: `信息流地址（${settings.feedUrl}）和首页地址（${settings.homePageUrl}）格式正确。`,
      en: `Feed address ${settings.feedUrl} and home page ${settings.homePageUrl} are well-formed.`,
    });
    if (!new URL(settings.feedUrl).pathname.endsWith('/feed.json')) {
      details.push({
        zh: `注意：信息流地址不以 /feed.json 结尾，网站服务器须在该地址提供 ${feedPathOf(feedDir)} 这个文件。`,
        en: `Note: the feed address does not end in /feed.json; the web server must serve ${feedPathOf(feedDir)} there.`,
      });
    }

    const secret = checkSecret();
    if (!secret.ok) return { ok: false, problem: secret.problem, reauthorize: true };
    if (secret.secret !== undefined) {
      details.push({ zh: 'Webhook 密钥格式正确。', en: 'The webhook secret is well-formed.' });
    }

    try {
      await mkdir(feedDir, { recursive: true });
      const probe = join(feedDir, `.pressdesk-probe-${randomUUID()}`);
      await writeFile(probe, 'probe');
      await rm(probe, { force: true });
    } catch (error) {
      return {
        ok: false,
        reauthorize: false,
        problem: problem(
          'appfeed',
          'appfeed.feed-dir',
          `无法在客户端信息流文件夹（${feedDir}）中写入文件。请检查文件夹路径是否正确、PressDesk 是否有写入权限，然后重试。`,
          `Could not write a file in the app feed folder (${feedDir}). Check the folder path and that PressDesk may write there, then try again.`,
          describeError(error),
        ),
      };
    }
    details.push({
      zh: `信息流文件夹（${feedDir}）可写入。`,
      en: `The feed folder ${feedDir} is writable.`,
    });

    const read = await readFeed(feedDir);
    if (read.kind === 'unreadable') {
      return {
        ok: false,
        reauthorize: false,
        problem: unreadableFeedProblem(feedDir, read.detail),
      };
    }
    details.push(
      read.kind === 'ok'
        ? {
            zh: `现有的 feed.json 符合 JSON Feed 1.1 格式，共 ${read.feed.items.length} 条。`,
            en: `The existing feed.json is valid JSON Feed 1.1 with ${read.feed.items.length} ${read.feed.items.length === 1 ? 'item' : 'items'}.`,
          }
        : {
            zh: '还没有 feed.json，发布第一篇稿件时会自动生成。',
            en: 'There is no feed.json yet; the first release creates it.',
          },
    );

    if (secret.secret === undefined) {
      details.push({
        zh: '没有设置 Webhook 地址：客户端只能从信息流得知新发布的稿件。',
        en: 'No webhook address is set: the app learns of releases from the feed only.',
      });
      return { ok: true, accountName: settings.feedTitle, details };
    }
    const delivery = await send(
      webhookIdFor('ping', randomUUID()),
      { type: 'ping', timestamp: clock.now().toISOString(), data: { feed_url: settings.feedUrl } },
      secret.secret,
      undefined,
    );
    switch (delivery.kind) {
      case 'delivered':
        details.push({
          zh: `区客户端后台（${settings.webhookUrl}）接受了一条带签名的测试通知（HTTP ${delivery.status}）。`,
          en: `The app backend at ${settings.webhookUrl} accepted a signed test event (HTTP ${delivery.status}).`,
        });
        return { ok: true, accountName: settings.feedTitle, details };
      case 'retry':
        return { ok: false, problem: delivery.problem, reauthorize: false };
      case 'failed':
        return { ok: false, problem: delivery.problem, reauthorize: delivery.reauthorize };
      default: {
        const never: never = delivery;
        throw new Error(`unknown delivery ${JSON.stringify(never)}`);
      }
    }
  }

  return {
    channel: 'appfeed',
    repeatSafety: REPEAT_SAFETY,
    verify,
    publish,
    status: async (remote) => ({ kind: 'published', remote }),
    update,
    retract,
    reconcile,
  };
}

function changeOutcome(delivery: Delivery, remote: RemoteRef): ChangeOutcome {
  switch (delivery.kind) {
    case 'delivered':
      return { kind: 'done', remote };
    case 'retry':
      return delivery;
    case 'failed':
      return { kind: 'failed', problem: delivery.problem, reauthorize: delivery.reauthorize };
    default: {
      const never: never = delivery;
      throw new Error(`unknown delivery ${JSON.stringify(never)}`);
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Equal items apart from date_modified, whatever the key order. */
function sameContent(a: JsonFeedItem, b: JsonFeedItem): boolean {
  const strip = (item: JsonFeedItem): unknown => ({ ...item, date_modified: undefined });
  return canonical(strip(a)) === canonical(strip(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
