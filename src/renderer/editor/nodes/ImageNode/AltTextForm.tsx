import { Button, Input } from 'antd';
import { useId, useState } from 'react';
import { useEditorText } from '../../i18n/useEditorText.ts';

interface AltTextFormProps {
  initialValue: string;
  onSave: (altText: string) => void;
  onCancel: () => void;
}

/** The alternative-text field of an image: Enter saves, Escape cancels. */
export function AltTextForm({ initialValue, onSave, onCancel }: AltTextFormProps) {
  const t = useEditorText();
  const id = useId();
  const [value, setValue] = useState(initialValue);
  return (
    <div className="pd-ed-alt-editor">
      <label htmlFor={id}>{t('image.altLabel')}</label>
      <Input
        id={id}
        autoFocus
        value={value}
        maxLength={500}
        placeholder={t('image.altPlaceholder')}
        aria-describedby={`${id}-help`}
        onChange={(event) => setValue(event.target.value)}
        onPressEnter={(event) => {
          if (event.nativeEvent.isComposing) return; // Enter that commits an IME candidate
          onSave(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <span id={`${id}-help`} className="pd-ed-field-help">
        {t('image.altHelp')}
      </span>
      <div className="pd-ed-alt-editor-actions">
        <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
        <Button type="primary" onClick={() => onSave(value)}>
          {t('image.save')}
        </Button>
      </div>
    </div>
  );
}
