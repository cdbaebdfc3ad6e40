import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AccountView } from '../../../shared/channels/account.ts';
import { CHANNEL_IDS, CHANNEL_NAMES, type ChannelId } from '../../../shared/content/channelId.ts';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useClient } from '../../api/useClient.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import {
  ACCOUNT_FIELDS,
  formValuesOf,
  NEW_ACCOUNT_VALUES,
  splitFormValues,
  type FieldSpec,
} from './accountFields.ts';

interface Props {
  /** The account to edit, or the channel of a new one. */
  target: { account: AccountView } | { channel: ChannelId };
  onClose(): void;
  onSaved(account: AccountView): void;
}

/** The host's issue path (settings.siteUrl, secrets.appSecret, name) as the form field it names. */
const fieldOfIssue = (path: string): string =>
  path.replace(/^(settings|secrets)\./, '').split('.')[0] ?? '';

/**
 * Adds or edits one channel account. Secrets are entered here and never shown again: an
 * existing secret appears as "set"; leaving it empty keeps it. The host validates everything
 * and its issues appear under their fields.
 */
export function AccountDialog({ target, onClose, onSaved }: Props) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const account = 'account' in target ? target.account : undefined;
  const [channel, setChannel] = useState<ChannelId>(
    account?.channel ?? ('channel' in target ? target.channel : 'portal'),
  );
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ClientError | undefined>();
  const channelName = (c: ChannelId) => CHANNEL_NAMES[c][locale === 'en' ? 'en' : 'zh'];
  const locked = account?.sandbox === true;
  const fields = ACCOUNT_FIELDS[channel];

  async function save(values: Record<string, unknown>) {
    setSaving(true);
    setError(undefined);
    form.setFields(['name', ...fields.map((f) => f.name)].map((name) => ({ name, errors: [] })));
    const name = typeof values.name === 'string' ? values.name : '';
    try {
      let saved: AccountView;
      if (account && locked) {
        saved = await client.call('accounts.update', { id: account.id, name });
      } else {
        const { settings, secrets } = splitFormValues(channel, values);
        saved = account
          ? await client.call('accounts.update', {
              id: account.id,
              name,
              // The host validates the settings against the channel's schema.
              settings: settings as never,
              secrets,
            })
          : await client.call('accounts.create', { name, settings: settings as never, secrets });
      }
      onSaved(saved);
    } catch (caught) {
      const failure = asClientError(caught, account ? 'accounts.update' : 'accounts.create');
      const byField = new Map<string, string[]>();
      for (const issue of failure.issues) {
        const field = fieldOfIssue(issue.path);
        byField.set(field, [...(byField.get(field) ?? []), issue.message]);
      }
      form.setFields(
        [...byField]
          .filter(([field]) => field === 'name' || fields.some((f) => f.name === field))
          .map(([name, errors]) => ({ name, errors })),
      );
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const title = account
    ? t('channels.editTitle', { name: account.name })
    : t('channels.addFor', { channel: channelName(channel) });

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      {locked ? (
        <Alert
          type="info"
          showIcon
          title={t('channels.sandboxLocked')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? <ErrorAlert error={error} title={t('channels.saveFailed')} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="account"
        initialValues={{
          name: account?.name ?? '',
          ...(account ? formValuesOf(account.settings) : NEW_ACCOUNT_VALUES[channel]),
        }}
        onFinish={(values) => void save(values)}
      >
        {account ? null : (
          <Form.Item label={t('channels.field.channel')}>
            <Select
              aria-label={t('channels.field.channel')}
              value={channel}
              onChange={(next: ChannelId) => {
                setChannel(next);
                form.setFieldsValue(NEW_ACCOUNT_VALUES[next]);
              }}
              options={CHANNEL_IDS.map((c) => ({ value: c, label: channelName(c) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('channels.field.name')}
          rules={[{ required: true, message: t('channels.field.name') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        {fields.map((field) => (
          <AccountField
            key={`${channel}.${field.name}`}
            field={field}
            account={account}
            disabled={locked}
          />
        ))}
      </Form>
    </Modal>
  );
}

function AccountField({
  field,
  account,
  disabled,
}: {
  field: FieldSpec;
  account: AccountView | undefined;
  disabled: boolean;
}) {
  const t = useT();
  const label = t(field.labelKey);
  const extra = field.helpKey ? t(field.helpKey) : undefined;
  const input = field.input;
  switch (input.type) {
    case 'secret': {
      const isSet = account?.secretsSet.includes(field.name) === true;
      return (
        <Form.Item name={field.name} label={label} extra={extra}>
          <Input.Password
            autoComplete="new-password"
            disabled={disabled}
            placeholder={isSet ? t('channels.secretSet') : t('channels.secretUnset')}
          />
        </Form.Item>
      );
    }
    case 'boolean':
      return (
        <Form.Item name={field.name} valuePropName="checked" extra={extra}>
          <Checkbox disabled={disabled}>{label}</Checkbox>
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          name={field.name}
          label={label}
          extra={extra}
          getValueProps={(value: unknown) => ({
            value: typeof value === 'string' && value ? dayjs(value) : null,
          })}
          normalize={(value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : '')}
        >
          <DatePicker disabled={disabled} aria-label={label} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item name={field.name} label={label} extra={extra}>
          <Select
            aria-label={label}
            disabled={disabled}
            options={input.options.map((o) => ({ value: o.value, label: t(o.labelKey) }))}
          />
        </Form.Item>
      );
    case 'text':
    case 'url':
    case 'ids':
      return (
        <Form.Item name={field.name} label={label} extra={extra}>
          <Input
            disabled={disabled}
            placeholder={'placeholder' in input ? input.placeholder : undefined}
          />
        </Form.Item>
      );
    default: {
      const never: never = input;
      throw new Error(`unknown field input ${JSON.stringify(never)}`);
    }
  }
}
