import { Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { CoverPicker } from '../editing/CoverPicker.tsx';
import { TagsInput } from '../editing/TagsInput.tsx';
import type { ChannelVariants } from '../../../../shared/domain/documentMeta.ts';
import { useT } from '../../../app/i18n/useT.ts';

type Channel = keyof ChannelVariants;

interface Props<C extends Channel> {
  channel: C;
  value: ChannelVariants[C];
  onChange(next: ChannelVariants[C]): void;
  importImage(file: File): Promise<{ hash: string }>;
}

/**
 * What an editor tailors for one channel. Every field may stay empty: the channel then gets
 * the text derived from the draft, which the preview beside it shows.
 */
export function VariantFields<C extends Channel>({
  channel,
  value,
  onChange,
  importImage,
}: Props<C>) {
  const t = useT();
  const [coverError, setCoverError] = useState<string | undefined>();
  const set = (patch: Partial<ChannelVariants[C]>) => onChange({ ...value, ...patch });
  const id = (field: string) => `pd-variant-${channel}-${field}`;
  const v = value as Record<string, unknown>;
  // Every channel but Mastodon shows a cover (Weibo: the post's picture); these three have tags.
  const cover =
    'cover' in value ? (
      <Form.Item
        label={channel === 'weibo' ? t('variant.weiboPicture') : t('variant.cover')}
        style={{ marginBottom: 8 }}
        {...(coverError ? { validateStatus: 'error' as const, help: coverError } : {})}
      >
        <CoverPicker
          value={(v.cover as string | null) ?? null}
          onChange={(hash) => set({ cover: hash } as unknown as Partial<ChannelVariants[C]>)}
          importImage={importImage}
          onError={setCoverError}
          emptyText={channel === 'weibo' ? t('variant.pictureDerived') : t('variant.coverDerived')}
          label={t(`variant.coverOf.${channel}`)}
        />
      </Form.Item>
    ) : null;
  const tags =
    'tags' in value ? (
      <Form.Item label={t('variant.tags')} htmlFor={id('tags')} style={{ marginBottom: 8 }}>
        <TagsInput
          id={id('tags')}
          value={v.tags as string[]}
          placeholder={t('variant.tagsDerived')}
          onChange={(next) => set({ tags: next } as unknown as Partial<ChannelVariants[C]>)}
        />
      </Form.Item>
    ) : null;
  const text = (
    field: string,
    label: string,
    max: number,
    options: { area?: boolean; placeholder?: string } = {},
  ) => (
    <Form.Item label={label} htmlFor={id(field)} style={{ marginBottom: 8 }}>
      {options.area ? (
        <Input.TextArea
          id={id(field)}
          value={String(v[field] ?? '')}
          maxLength={max}
          showCount
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={options.placeholder}
          onChange={(e) => set({ [field]: e.target.value } as Partial<ChannelVariants[C]>)}
        />
      ) : (
        <Input
          id={id(field)}
          value={String(v[field] ?? '')}
          maxLength={max}
          showCount
          placeholder={options.placeholder}
          onChange={(e) => set({ [field]: e.target.value } as Partial<ChannelVariants[C]>)}
        />
      )}
    </Form.Item>
  );
  return (
    <Form layout="vertical" aria-label={t('variant.heading')} style={{ maxWidth: 560 }}>
      {cover}
      {tags}
      {channel === 'wechat' ? (
        <>
          {text('title', t('variant.wechatTitle'), 64, { placeholder: t('variant.derived') })}
          {text('digest', t('variant.wechatDigest'), 128, {
            area: true,
            placeholder: t('variant.derivedDigest'),
          })}
          {text('author', t('variant.wechatAuthor'), 16, { placeholder: t('variant.derived') })}
        </>
      ) : null}
      {channel === 'weibo'
        ? text('text', t('variant.weiboText'), 2000, {
            area: true,
            placeholder: t('variant.derivedPost'),
          })
        : null}
      {channel === 'mastodon' ? (
        <>
          {text('text', t('variant.mastodonText'), 5000, {
            area: true,
            placeholder: t('variant.derivedPost'),
          })}
          <Checkbox
            checked={Boolean(v.hashtags)}
            onChange={(e) =>
              set({ hashtags: e.target.checked } as unknown as Partial<ChannelVariants[C]>)
            }
          >
            {t('variant.hashtags')}
          </Checkbox>
        </>
      ) : null}
      {channel === 'appfeed' ? (
        <>
          {text('title', t('variant.feedTitle'), 200, { placeholder: t('variant.derived') })}
          {text('summary', t('variant.feedSummary'), 500, {
            area: true,
            placeholder: t('variant.derived'),
          })}
        </>
      ) : null}
    </Form>
  );
}
