import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef } from 'react';
import { mediaUrl } from '../../../../shared/domain/media.ts';
import { useT } from '../../../app/i18n/useT.ts';

interface Props {
  /** The chosen image (a media library hash), or null. */
  value: string | null;
  onChange(hash: string | null): void;
  importImage(file: File): Promise<{ hash: string }>;
  onError(message: string | undefined): void;
  /** What is said when there is none (e.g. "uses the draft's cover"). */
  emptyText: string;
  /** Names the picker for assistive technology, e.g. "微信封面图". */
  label: string;
}

/** Chooses one image from a file into the media library, shows it, and removes it. */
export function CoverPicker({ value, onChange, importImage, onError, emptyText, label }: Props) {
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <Flex gap={8} align="center" wrap>
      {value ? (
        <img
          src={mediaUrl(value)}
          alt={t('meta.coverAltOf', { label })}
          style={{ maxWidth: 160, maxHeight: 90, objectFit: 'cover', borderRadius: 4 }}
        />
      ) : (
        <Typography.Text type="secondary">{emptyText}</Typography.Text>
      )}
      <Button icon={<PictureOutlined aria-hidden />} onClick={() => fileInput.current?.click()}>
        {value ? t('meta.replaceCover') : t('meta.chooseCover')}
      </Button>
      {value ? (
        <Button icon={<DeleteOutlined aria-hidden />} onClick={() => onChange(null)}>
          {t('meta.removeCover')}
        </Button>
      ) : null}
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        style={{ display: 'none' }}
        aria-label={`${label}: ${t('meta.chooseCover')}`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          onError(undefined);
          try {
            onChange((await importImage(file)).hash);
          } catch (caught) {
            onError(caught instanceof Error ? caught.message : String(caught));
          }
        }}
      />
    </Flex>
  );
}
