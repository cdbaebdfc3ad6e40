import { Alert, Typography } from 'antd';
import type { AccountCheck } from '../../../shared/channels/account.ts';
import { formatDateTime } from '../../app/format/formatDateTime.ts';
import { useLocale } from '../../app/i18n/useLocale.ts';
import { useT } from '../../app/i18n/useT.ts';
import { useDeskSettings } from '../../app/settings/useDeskSettings.ts';

/** The last connection test of an account: who the channel says it is, or what to do. */
export function AccountCheckResult({ check }: { check: AccountCheck | null }) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useDeskSettings();
  if (!check) return <Typography.Text type="secondary">{t('channels.never')}</Typography.Text>;
  const when = t('channels.checkedAt', {
    time: formatDateTime(check.at, settings.timeZone, locale),
  });
  if (check.ok) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={t('channels.checkOk', { account: check.accountName })}
        description={
          <>
            {check.details.map((line, index) => {
              const text = locale === 'en' ? line.en : line.zh;
              return <div key={`${index}:${text}`}>{text}</div>;
            })}
            <Typography.Text type="secondary">{when}</Typography.Text>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('channels.checkFailed')}
      description={
        <>
          <div>{locale === 'en' ? check.problem.message.en : check.problem.message.zh}</div>
          {check.reauthorize ? <div>{t('channels.reauthorize')}</div> : null}
          {check.problem.channelSaid ? (
            <Typography.Text type="secondary">
              {t('channels.channelSaid', { text: check.problem.channelSaid })}
            </Typography.Text>
          ) : null}
          <div>
            <Typography.Text type="secondary">{when}</Typography.Text>
          </div>
        </>
      }
    />
  );
}
