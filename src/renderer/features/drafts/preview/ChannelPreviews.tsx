import { Alert, Card, Empty, Flex, Progress, Tabs, Tag, Typography } from 'antd';
import type { DraftPreview } from '../../../../shared/content/preview.ts';
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

/**
 * How each channel will show the release: the portal page, the WeChat article on a phone,
 * the Weibo and Mastodon posts with their counts against the limit, the app's feed card.
 */
export function ChannelPreviews({ preview }: { preview: DraftPreview | undefined }) {
  const t = useT();
  if (!preview) return <Empty description={t('preview.loading')} />;
  const portalLabel = t('preview.portalLink');
  const feed = preview.feed.item;
  return (
    <Tabs
      data-testid="channel-previews"
      items={[
        {
          key: 'portal',
          label: t('preview.portal'),
          children: (
            <article className="pd-portal-preview" aria-label={t('preview.portal')}>
              <h1>{preview.portal.title}</h1>
              <div dangerouslySetInnerHTML={{ __html: previewHtml(preview.portal.html) }} />
            </article>
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
              </Flex>
            </Flex>
          ),
        },
        {
          key: 'weibo',
          label: t('preview.weibo'),
          children: (
            <Card size="small" className="pd-microblog" title={t('preview.weibo')}>
              <p className="pd-microblog-text" data-testid="weibo-text">
                {previewText(preview.weibo.text, portalLabel)}
              </p>
              <LengthMeter
                length={preview.weibo.length}
                max={preview.weibo.maxLength}
                label={t('preview.count', {
                  n: preview.weibo.length,
                  max: preview.weibo.maxLength,
                })}
              />
              {preview.weibo.cut ? <Tag color="orange">{t('preview.cut')}</Tag> : null}
            </Card>
          ),
        },
        {
          key: 'mastodon',
          label: 'Mastodon',
          children: (
            <Card size="small" className="pd-microblog" title="Mastodon">
              <p className="pd-microblog-text" data-testid="mastodon-text">
                {previewText(preview.mastodon.text, portalLabel)}
              </p>
              <LengthMeter
                length={preview.mastodon.length}
                max={preview.mastodon.maxCharacters}
                label={t('preview.count', {
                  n: preview.mastodon.length,
                  max: preview.mastodon.maxCharacters,
                })}
              />
              {preview.mastodon.cut ? <Tag color="orange">{t('preview.cut')}</Tag> : null}
            </Card>
          ),
        },
        {
          key: 'feed',
          label: t('preview.feed'),
          children: (
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
          ),
        },
      ]}
      tabBarExtraContent={
        <Alert type="info" showIcon title={t('preview.savedOnly')} style={{ padding: '2px 8px' }} />
      }
    />
  );
}
