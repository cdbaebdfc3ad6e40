import { Alert, DatePicker, Flex, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Locale } from '../../../shared/domain/settings.ts';
import type { PublicationView } from '../../../shared/publish/publication.ts';
import { zonedDate, zonedTimeToUtc } from '../../../shared/time/officeTime.ts';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { useT } from '../../app/i18n/useT.ts';
import { officeWallTime, placementOf } from './calendarGrid.ts';
import { accountLabel } from './CalendarItem.tsx';
import { clockLabel } from './calendarLabels.ts';
import { useNow } from './useNow.ts';
import type { Rescheduler } from './useReschedule.ts';
import { SandboxTag } from '../channels/SandboxTag.tsx';

interface Props {
  publication: PublicationView;
  timeZone: string;
  locale: Locale;
  reschedule: Rescheduler['reschedule'];
  onClose(): void;
}

const INPUT_ID = 'pd-reschedule-at';

/**
 * The keyboard's (and anyone's) way to move a publication: a date and time picker. The picker
 * shows wall-clock time, which is read as the office's, whatever the computer's zone.
 */
export function RescheduleDialog({ publication, timeZone, locale, reschedule, onClose }: Props) {
  const t = useT();
  const current = placementOf(publication);
  const [at, setAt] = useState<Dayjs | null>(() => {
    if (current === null) return null;
    const wall = officeWallTime(current, timeZone);
    return dayjs(`${wall.date}T${clockLabel(wall.hour, wall.minute)}`);
  });
  const [error, setError] = useState<ClientError | undefined>();
  const [saving, setSaving] = useState(false);
  const instant = at ? zonedTimeToUtc(at.format('YYYY-MM-DD'), at.format('HH:mm'), timeZone) : null;
  const now = useNow(15_000);
  const unchanged =
    instant !== null && current !== null && instant.getTime() === Date.parse(current);
  const past = instant !== null && instant.getTime() <= now;
  const today = zonedDate(new Date(now), timeZone);
  const title = publication.title || t('common.untitled');

  async function submit() {
    if (!instant || instant.getTime() <= Date.now()) return;
    setSaving(true);
    setError(undefined);
    try {
      await reschedule(publication, instant);
      onClose();
    } catch (caught) {
      setError(asClientError(caught, 'publish.reschedule'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('calendar.rescheduleTitle')}
      okText={t('calendar.reschedule')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !instant || past || unchanged }}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <div>
          <Typography.Text strong>{title}</Typography.Text>
          <div>
            {accountLabel(publication, locale)} {publication.sandbox ? <SandboxTag /> : null}
          </div>
          {current ? (
            <Typography.Text type="secondary">
              {t('calendar.currentTime', { time: formatDateTime(current, timeZone, locale) })}
            </Typography.Text>
          ) : null}
        </div>
        <Flex vertical gap={4}>
          <label htmlFor={INPUT_ID}>{t('calendar.newTime')}</label>
          <DatePicker
            id={INPUT_ID}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            allowClear={false}
            disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') < today}
            onChange={(value: Dayjs | null) => setAt(value)}
            style={{ maxWidth: 240 }}
          />
          <Typography.Text type="secondary">
            {t('calendar.newTimeHint', { zone: timeZone })}
          </Typography.Text>
        </Flex>
        {past ? <Alert type="warning" showIcon title={t('calendar.pastTime')} /> : null}
        {error ? (
          <ErrorAlert
            error={error}
            title={t('calendar.rescheduleFailed', {
              item: `${title} · ${accountLabel(publication, locale)}`,
            })}
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
