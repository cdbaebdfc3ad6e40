import { Card, Empty, Flex, Progress, Tabs, Tag, Typography } from 'antd';
import type { DraftPreview } from '../../../../shared/content/preview.ts';
import type { ChannelVariants } from '../../../../shared/domain/documentMeta.ts';
import { VariantFields } from './VariantFields.tsx';
import { useT } from '../../../app/i18n/useT.ts';
import { previewHtml, previewText } from './previewHtml.ts';

function LengthMeter({ length, max, label }: { length: number; max: number; label: string }) {
  const over = length > max;
  return (
    <Flex align="center" gap={8} data-testid="length-meter">
      <Progress
        percent={Math.min(100, Math.round((length / max) * 100))}
        status={over ? 'exception' : 'normal'}
        showInfo={false}
        style={{ width: 160, margin: 0 }}
        aria-hidden
      />
      <Typography.Text type={over ? 'danger' : 'secondary'}>{label}</Typography.Text>
    </Flex>
  );
}

/** A microblog post as it will read, with its count against the channel's limit. */
function MicroblogPreview({
  name,
  testId,
  text,
  length,
  max,
  cut,
}: {
  name: string;
  testId: string;
  text: string;
  length: number;
  max: number;
  cut: boolean;
}) {
  const t = useT();
  return (
    <Card size="small" className="pd-microblog" title={name}>
      <p className="pd-microblog-text" data-testid={testId}>
        {previewText(text, t('preview.portalLink'))}
      </p>
      <LengthMeter length={length} max={max} label={t('preview.count', { n: length, max })} />
      {cut ? <Tag color="orange">{t('preview.cut')}</Tag> : null}
    </Card>
  );
}

/**
 * How each channel will show the release: the portal page, the WeChat article on a phone,
 * the Weibo and Mastodon posts with their counts against the limit, the app's feed card.
 */
export function ChannelPreviews({
  preview,
  variants,
  onVariantsChange,
  importImage,
}: {
  preview: DraftPreview | undefined;
  /** What the editor tailored per channel (the draft's meta.channels), edited beside each preview. */
  variants: ChannelVariants;
  onVariantsChange(next: ChannelVariants): void;
  /** For a channel's own cover: puts the chosen file into the media library. */
  importImage(file: File): Promise<{ hash: string }>;
}) {
  const t = useT();
  const fieldsFor = <C extends keyof ChannelVariants>(channel: C) => (
    <VariantFields
      channel={channel}
      value={variants[channel]}
      importImage={importImage}
      onChange={(next) => onVariantsChange({ ...variants, [channel]: next })}
    />
  );
  if (!preview) return <Empty description={t('preview.loading')} />;
  const feed = preview.feed.item;
  // The note stays outside the tab list: a tablist may only contain tabs (ARIA).
  return (
    <>
      <Typography.Text type="secondary">{t('preview.savedOnly')}</Typography.Text>
      <Tabs
        data-testid="channel-previews"
        items={[
          {
            key: 'portal',
            label: t('preview.portal'),
            children: (
              <Flex vertical gap={16}>
                <article className="pd-portal-preview" aria-label={t('preview.portal')}>
                  <h1>{preview.portal.title}</h1>
                  <div dangerouslySetInnerHTML={{ __html: previewHtml(preview.portal.html) }} />
                </article>
                {fieldsFor('portal')}
              </Flex>
            ),
          },
          {
            key: 'wechat',
            label: t('preview.wechat'),
            children: (
              <Flex gap={24} wrap align="start">
                <div className="pd-phone" aria-label={t('preview.wechat')} role="region">
                  <div className="pd-phone-screen">
                    <h1 className="pd-wechat-title">{preview.wechat.title}</h1>
                    <div className="pd-wechat-byline">{preview.wechat.author}</div>
                    <div dangerouslySetInnerHTML={{ __html: previewHtml(preview.wechat.html) }} />
                  </div>
                </div>
                <Flex vertical gap={8} style={{ maxWidth: 320 }}>
                  <Typography.Text strong>{t('preview.wechatDigest')}</Typography.Text>
                  <Typography.Paragraph>{preview.wechat.digest}</Typography.Paragraph>
                  <Typography.Text type={preview.wechat.fits ? 'secondary' : 'danger'}>
                    {t('preview.wechatSize', {
                      characters: preview.wechat.characters,
                      kb: Math.ceil(preview.wechat.utf8Bytes / 1000),
                    })}
                  </Typography.Text>
                  {fieldsFor('wechat')}
                </Flex>
              </Flex>
            ),
          },
          {
            key: 'weibo',
            label: t('preview.weibo'),
            children: (
              <Flex vertical gap={16}>
                <MicroblogPreview
                  name={t('preview.weibo')}
                  testId="weibo-text"
                  text={preview.weibo.text}
                  length={preview.weibo.length}
                  max={preview.weibo.maxLength}
                  cut={preview.weibo.cut}
                />
                {fieldsFor('weibo')}
              </Flex>
            ),
          },
          {
            key: 'mastodon',
            label: 'Mastodon',
            children: (
              <Flex vertical gap={16}>
                <MicroblogPreview
                  name="Mastodon"
                  testId="mastodon-text"
                  text={preview.mastodon.text}
                  length={preview.mastodon.length}
                  max={preview.mastodon.maxCharacters}
                  cut={preview.mastodon.cut}
                />
                {fieldsFor('mastodon')}
              </Flex>
            ),
          },
          {
            key: 'feed',
            label: t('preview.feed'),
            children: (
              <Flex vertical gap={16}>
                <Card
                  size="small"
                  className="pd-feed-card"
                  data-testid="feed-card"
                  cover={feed.image ? <img alt="" src={previewHtml(feed.image)} /> : undefined}
                >
                  <Card.Meta title={feed.title} description={feed.summary ?? ''} />
                  {feed.tags?.length ? (
                    <Flex gap={4} wrap style={{ marginTop: 8 }}>
                      {feed.tags.map((tag) => (
                        <Tag key={tag}>{tag}</Tag>
                      ))}
                    </Flex>
                  ) : null}
                </Card>
                {fieldsFor('appfeed')}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
