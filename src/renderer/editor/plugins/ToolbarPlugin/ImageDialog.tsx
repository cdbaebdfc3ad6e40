import { Alert, Input, Modal } from 'antd';
import { useCallback, useEffect, useId, useState } from 'react';
import { useEditorText } from '../../i18n/useEditorText.ts';
import { failureText, type ImportedImage } from '../ImagePlugin/importImageFiles.ts';

interface ImageDialogProps {
  file: File;
  /** The upload, started when the file was picked: it runs while the alt text is written. */
  upload: Promise<ImportedImage>;
  onInsert: (image: ImportedImage, altText: string) => void;
  onCancel: () => void;
}

/**
 * The alternative text of a picked image, asked while the image uploads. Insert waits for the
 * upload; a refusal is shown here with the host's message, and nothing is inserted.
 */
export function ImageDialog({ file, upload, onInsert, onCancel }: ImageDialogProps) {
  const t = useEditorText();
  const id = useId();
  const [altText, setAltText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The preview is an object URL of the picked file, made when the image element appears (the
  // modal mounts its content lazily) and revoked when it goes.
  const previewRef = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return;
      const url = URL.createObjectURL(file);
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [file],
  );

  useEffect(() => {
    let live = true;
    upload.catch((caught: unknown) => {
      if (live) setError(failureText(caught));
    });
    return () => {
      live = false;
    };
  }, [upload]);

  const insert = async () => {
    setBusy(true);
    try {
      onInsert(await upload, altText.trim());
    } catch (caught) {
      setError(failureText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('image.button')}
      okText={t('image.insert')}
      cancelText={t('dialog.cancel')}
      okButtonProps={{ loading: busy, disabled: error !== null }}
      onOk={() => void insert()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div className="pd-ed-dialog-field">
        <img ref={previewRef} className="pd-ed-image-preview" alt="" />
        <span className="pd-ed-field-help">{file.name}</span>
        <label htmlFor={id}>{t('image.altLabel')}</label>
        <Input
          id={id}
          autoFocus
          value={altText}
          maxLength={500}
          placeholder={t('image.altPlaceholder')}
          aria-describedby={`${id}-help`}
          onChange={(event) => setAltText(event.target.value)}
          onPressEnter={(event) => {
            if (!event.nativeEvent.isComposing && error === null) void insert();
          }}
        />
        <span id={`${id}-help`} className="pd-ed-field-help">
          {t('image.altHelp')}
        </span>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('image.failed', { name: file.name, detail: error })}
          />
        )}
      </div>
    </Modal>
  );
}
