import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useClient } from '../../api/useClient.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/domain/documentKind.ts';
import { TITLE_MAX } from '../../../shared/domain/draft.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { issuesByField } from '../../app/errors/issuesByField.ts';
import { KIND_KEYS } from '../../app/i18n/domainLabels.ts';
import { useT } from '../../app/i18n/useT.ts';
import { navigate } from '../../app/routes/navigate.ts';

interface Values {
  kind: DocumentKind;
  title?: string;
}

const FIELDS = ['kind', 'title'] as const;

interface Props {
  open: boolean;
  onClose(): void;
}

/** Asks for the kind and (optionally) the title, creates the draft, and opens it. */
export function NewDraftDialog({ open, onClose }: Props) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ClientError | undefined>();

  async function create(values: Values): Promise<void> {
    setSaving(true);
    setError(undefined);
    try {
      const draft = await client.call('drafts.create', {
        kind: values.kind,
        title: values.title ?? '',
      });
      onClose();
      navigate({ name: 'draft', id: draft.id });
    } catch (caught) {
      const failure = asClientError(caught, 'drafts.create');
      const { byField } = issuesByField(failure.issues, FIELDS);
      form.setFields(FIELDS.map((name) => ({ name, errors: byField[name] ?? [] })));
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('newDraft.title')}
      okText={t('newDraft.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setError(undefined);
      }}
    >
      {error ? <ErrorAlert error={error} title={t('newDraft.failed')} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="new-draft"
        initialValues={{ kind: 'press_release', title: '' }}
        onFinish={(values) => void create(values)}
      >
        <Form.Item
          name="kind"
          label={t('newDraft.kind')}
          rules={[{ required: true, message: t('newDraft.kindRequired') }]}
        >
          <Select
            options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(KIND_KEYS[kind]) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('newDraft.titleLabel')} extra={t('newDraft.titleHelp')}>
          <Input
            maxLength={TITLE_MAX}
            showCount
            autoComplete="off"
            onPressEnter={() => form.submit()}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
