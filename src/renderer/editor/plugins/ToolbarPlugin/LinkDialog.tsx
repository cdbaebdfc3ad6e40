import { Alert, Button, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import { useEditorText } from '../../i18n/useEditorText.ts';
import { linkFromInput } from './linkInput.ts';

interface LinkDialogProps {
  initialUrl: string;
  /** The caret is on a link: the dialog edits it and offers to remove it. */
  editing: boolean;
  onApply: (url: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/** Inserting or editing a link. An address that is not http, https or mailto is refused, saying so. */
export function LinkDialog({ initialUrl, editing, onApply, onRemove, onCancel }: LinkDialogProps) {
  const t = useEditorText();
  const id = useId();
  const [value, setValue] = useState(initialUrl);
  const [refused, setRefused] = useState(false);
  const apply = () => {
    const url = linkFromInput(value);
    if (url === undefined) {
      setRefused(true);
      return;
    }
    onApply(url);
  };
  return (
    <Modal
      open
      title={editing ? t('link.editTitle') : t('link.insertTitle')}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        editing ? (
          <Button key="remove" danger onClick={onRemove}>
            {t('link.remove')}
          </Button>
        ) : null,
        <Button key="cancel" onClick={onCancel}>
          {t('dialog.cancel')}
        </Button>,
        <Button key="apply" type="primary" onClick={apply}>
          {t('link.apply')}
        </Button>,
      ]}
    >
      <div className="pd-ed-dialog-field">
        <label htmlFor={id}>{t('link.urlLabel')}</label>
        <Input
          id={id}
          autoFocus
          value={value}
          inputMode="url"
          placeholder="https://www.gov.cn"
          status={refused ? 'error' : ''}
          aria-invalid={refused}
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            setValue(event.target.value);
            setRefused(false);
          }}
          onPressEnter={(event) => {
            if (!event.nativeEvent.isComposing) apply();
          }}
        />
        <span id={`${id}-help`} className="pd-ed-field-help">
          {t('link.urlHelp')}
        </span>
        {refused && <Alert type="error" showIcon role="alert" title={t('link.unsafe')} />}
      </div>
    </Modal>
  );
}
