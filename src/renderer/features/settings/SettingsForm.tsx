import { App, Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useClient } from '../../api/useClient.ts';
import { LOCALES, type Settings } from '../../../shared/domain/settings.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { issuesByField } from '../../app/errors/issuesByField.ts';
import { LANGUAGE_NAME_KEYS } from '../../app/i18n/languageNames.ts';
import { translate } from '../../app/i18n/translate.ts';
import { htmlLangOf } from '../../app/i18n/storedLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';
import { timeZoneOptions } from './timeZoneOptions.ts';

const FIELDS = ['locale', 'timeZone', 'officeName', 'personName', 'missedWindowMinutes'] as const;

/**
 * The office settings, saved together with settings.set. The server validates (e.g. the time
 * zone); what it refuses is shown under the field it concerns.
 */
export function SettingsForm({ initial }: { initial: Settings }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const { adopt } = useDeskSettings();
  const [form] = Form.useForm<Settings>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ClientError | undefined>();
  const zones = useMemo(() => timeZoneOptions(initial.timeZone), [initial.timeZone]);

  async function save(values: Settings): Promise<void> {
    setSaving(true);
    setError(undefined);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    try {
      const saved = await client.call('settings.set', values);
      adopt(saved);
      // Said in the language just saved, which is the one the page is about to show.
      void message.success(translate(saved.locale, 'settings.saved'));
    } catch (caught) {
      const failure = asClientError(caught, 'settings.set');
      const { byField } = issuesByField(failure.issues, FIELDS);
      form.setFields(
        FIELDS.map((name) => ({
          name,
          errors: (byField[name] ?? []).map((detail) => t('settings.fieldIssue', { detail })),
        })),
      );
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      {error ? <ErrorAlert error={error} title={t('settings.saveFailed')} /> : null}
      <Form<Settings>
        form={form}
        name="settings"
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void save(values)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="locale" label={t('settings.language')}>
          <Radio.Group
            aria-label={t('settings.language')}
            options={LOCALES.map((value) => ({
              value,
              label: (
                <span lang={htmlLangOf(value)}>{translate(value, LANGUAGE_NAME_KEYS[value])}</span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={t('settings.timeZone')}
          extra={t('settings.timeZoneHelp')}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
        </Form.Item>
        <Form.Item
          name="officeName"
          label={t('settings.officeName')}
          extra={t('settings.officeNameHelp')}
        >
          <Input maxLength={100} showCount autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="personName"
          label={t('settings.personName')}
          extra={t('settings.personNameHelp')}
        >
          <Input maxLength={100} showCount autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="missedWindowMinutes"
          label={t('settings.missedWindow')}
          extra={t('settings.missedWindowHelp')}
        >
          <InputNumber min={1} max={1440} precision={0} suffix={t('settings.minutes')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('settings.save')}
        </Button>
      </Form>
    </>
  );
}
