import {
  PREVIEW_MEDIA_BASE,
  PREVIEW_PORTAL_URL,
  type DraftPreview,
} from '../../shared/content/preview.ts';
import { wechatFields } from './wechatFields.ts';
import { channelCover } from '../../shared/domain/documentMeta.ts';
import { CHANNEL_IDS } from '../../shared/content/channelId.ts';
import type { Draft } from '../../shared/domain/draft.ts';
import type { MediaItem } from '../../shared/domain/media.ts';
import { walk } from '../../shared/document/walk.ts';
import { runChecks } from './checks/runChecks.ts';
import type { CompiledWordList } from './checks/compileWordList.ts';
import { renderAll } from './render/renderAll.ts';

export interface PreviewDeps {
  wordList: CompiledWordList;
  /** Library images by hash (for the image checks). */
  mediaOf(hash: string): MediaItem | undefined;
  /** The office's date (YYYY-MM-DD) and the moment of the preview. */
  today: string;
  now: Date;
}

/**
 * What every channel would receive from the draft as saved, with the pre-publish checks over
 * the draft and those outputs. What the editor tailored per channel (meta.channels) wins;
 * the rest is derived (WeChat digest: the summary, else the first 54 characters of the body).
 */
export function previewDraft(draft: Draft, deps: PreviewDeps): DraftPreview {
  const release = { title: draft.title, meta: draft.meta, body: draft.body };
  const variants = draft.meta.channels;
  const imageUrl = (hash: string) => `${PREVIEW_MEDIA_BASE}${hash}`;
  const out = renderAll(release, {
    portal: { imageUrl },
    wechat: { imageUrl },
    weibo: {
      portalUrl: PREVIEW_PORTAL_URL,
      ...(variants.weibo.text ? { text: variants.weibo.text } : {}),
    },
    mastodon: {
      portalUrl: PREVIEW_PORTAL_URL,
      hashtags: variants.mastodon.hashtags,
      ...(variants.mastodon.text ? { text: variants.mastodon.text } : {}),
    },
    feed: { itemId: draft.id, imageUrl, datePublished: deps.now, url: PREVIEW_PORTAL_URL },
  });
  // The app's card: its own title and summary when the editor gave them.
  if (variants.appfeed.title) out.feed.item.title = variants.appfeed.title;
  if (variants.appfeed.summary) out.feed.item.summary = variants.appfeed.summary;
  const { title: wechatTitle, digest, author } = wechatFields(release);

  const media = new Map<string, MediaItem>();
  const c = draft.meta.channels;
  const hashes = new Set<string>(
    [draft.meta.coverImage, c.portal.cover, c.wechat.cover, c.weibo.cover, c.appfeed.cover].filter(
      (hash): hash is string => hash !== null,
    ),
  );
  walk(draft.body, (node) => {
    if (node.type === 'image') hashes.add(node.mediaHash);
  });
  for (const hash of hashes) {
    const item = deps.mediaOf(hash);
    if (item) media.set(hash, item);
  }
  let images = 0;
  walk(draft.body, (node) => {
    if (node.type === 'image') images++;
  });

  const findings = runChecks({
    doc: draft.body,
    title: draft.title,
    meta: draft.meta,
    wordList: deps.wordList,
    today: deps.today,
    media,
    channels: CHANNEL_IDS,
    measures: [
      {
        channel: 'wechat',
        title: Array.from(wechatTitle).length,
        author: Array.from(author).length,
        digest: Array.from(digest).length,
        contentChars: out.wechat.characters,
        contentBytes: out.wechat.utf8Bytes,
        hasCover: channelCover(draft.meta, 'wechat') !== null,
      },
      { channel: 'weibo', textLength: out.weibo.length },
      { channel: 'mastodon', textLength: out.mastodon.length, attachments: Math.min(images, 4) },
      { channel: 'portal' },
      { channel: 'appfeed' },
    ],
  });

  return {
    version: draft.version,
    portal: { title: draft.title, ...out.portal },
    // The full title: the checks flag one longer than WeChat's limit rather than cut it silently.
    wechat: { title: wechatTitle, digest, author, ...out.wechat },
    weibo: out.weibo,
    mastodon: out.mastodon,
    feed: out.feed,
    findings,
  };
}
