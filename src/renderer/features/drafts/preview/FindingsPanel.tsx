import { Alert, Button, List, Tag, Typography } from 'antd';
import { CHANNEL_NAMES } from '../../../../shared/content/channelId.ts';
import type { Finding } from '../../../../shared/content/finding.ts';
import { assertNever } from '../../../../shared/assertNever.ts';
import { useLocale } from '../../../app/i18n/useLocale.ts';
import { useT } from '../../../app/i18n/useT.ts';
import type { HighlightRange } from '../../../editor/ReleaseEditor.tsx';

const SEVERITY_COLOR = { block: 'red', warn: 'orange', confirm: 'blue' } as const;

/** The findings that sit in the body, as ranges for the editor to mark. */
export function highlightsOf(findings: readonly Finding[]): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const f of findings) {
    if (f.location.kind !== 'body') continue;
    const severity = f.severity === 'block' ? 'error' : f.severity === 'warn' ? 'warning' : 'info';
    ranges.push({
      blockIndex: f.location.blockIndex,
      start: f.location.start,
      end: f.location.end,
      severity,
    });
  }
  return ranges;
}

interface Props {
  findings: readonly Finding[] | undefined;
  /** Scrolls the editor to a finding in the body and flashes it. */
  onReveal(location: { blockIndex: number; start: number; end: number }): void;
  /** Marks personal data as publishable (or takes that back), by the finding's key. */
  onConfirmPersonalData(key: string, confirmed: boolean): void;
}

/**
 * The pre-publish checks, as they stand for the saved draft: what blocks approval and
 * publishing, what needs a person's confirmation (personal data), what is only a warning.
 * A finding in the body is marked in the editor; "定位" scrolls to it.
 */
export function FindingsPanel({ findings, onReveal, onConfirmPersonalData }: Props) {
  const t = useT();
  const locale = useLocale();
  if (!findings) return <Typography.Text type="secondary">{t('checks.pending')}</Typography.Text>;
  const blocks = findings.filter((f) => f.severity === 'block').length;
  const confirms = findings.filter((f) => f.severity === 'confirm').length;
  return (
    <div data-testid="findings" data-blocking={blocks}>
      {blocks > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('checks.blocked', { n: blocks })}
          style={{ marginBottom: 8 }}
        />
      ) : (
        <Alert type="success" showIcon title={t('checks.noBlock')} style={{ marginBottom: 8 }} />
      )}
      {confirms > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('checks.confirm', { n: confirms })}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <List
        size="small"
        dataSource={[...findings]}
        locale={{ emptyText: t('checks.none') }}
        renderItem={(f) => {
          const where = f.location;
          let place: string;
          switch (where.kind) {
            case 'body':
              place = t('checks.inBody', { n: where.blockIndex + 1 });
              break;
            case 'field':
              place = t('checks.inField', { field: where.field });
              break;
            case 'channel':
              place = t('checks.inChannel', {
                channel: CHANNEL_NAMES[where.channel][locale === 'en' ? 'en' : 'zh'],
              });
              break;
            default:
              place = assertNever(where, 'finding location');
          }
          return (
            <List.Item
              data-check-id={f.checkId}
              data-severity={f.severity}
              actions={[
                ...(where.kind === 'body'
                  ? [
                      <Button key="go" size="small" type="link" onClick={() => onReveal(where)}>
                        {t('checks.reveal')}
                      </Button>,
                    ]
                  : []),
                ...(f.personalData
                  ? [
                      <Button
                        key="confirm"
                        size="small"
                        type="link"
                        onClick={() =>
                          onConfirmPersonalData(
                            f.personalData?.key ?? '',
                            !f.personalData?.confirmed,
                          )
                        }
                      >
                        {f.personalData.confirmed
                          ? t('checks.unconfirm')
                          : t('checks.confirmPublic')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    <Tag color={SEVERITY_COLOR[f.severity]}>
                      {t(`checks.severity.${f.severity}`)}
                    </Tag>
                    <Typography.Text type="secondary">{place}</Typography.Text>
                  </>
                }
                description={
                  <>
                    {locale === 'en' ? f.message.en : f.message.zh}
                    {f.suggestion ? (
                      <div>{t('checks.suggestion', { text: f.suggestion })}</div>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </div>
  );
}
