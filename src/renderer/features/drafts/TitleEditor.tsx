import { Button, Flex, Form, Input } from 'antd';
import { TITLE_MAX } from '../../../shared/domain/draft.ts';
import { useT } from '../../app/i18n/useT.ts';

interface Props {
  value: string;
  saving: boolean;
  /** False when nothing changed (or saving would be refused anyway): the button is disabled. */
  canSave: boolean;
  error: string | undefined;
  onChange(value: string): void;
  onSave(): void;
}

/** The draft's title, edited in place and saved explicitly (Enter or the button). */
export function TitleEditor({ value, saving, canSave, error, onChange, onSave }: Props) {
  const t = useT();
  return (
    <Form
      layout="vertical"
      onFinish={() => {
        if (canSave) onSave();
      }}
    >
      <Form.Item
        label={t('draft.titleLabel')}
        htmlFor="pd-draft-title"
        {...(error ? { validateStatus: 'error' as const, help: error } : {})}
        style={{ marginBottom: 12 }}
      >
        <Flex gap={8} align="start">
          <Input
            id="pd-draft-title"
            value={value}
            maxLength={TITLE_MAX}
            showCount
            autoComplete="off"
            onChange={(event) => onChange(event.target.value)}
          />
          <Button type="primary" htmlType="submit" loading={saving} disabled={!canSave}>
            {t('draft.saveTitle')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
