import { App, Button } from 'antd';
import { CHANNEL_NAMES } from '../../../shared/content/channelId.ts';
import { WAITING_STATES, type PublicationState } from '../../../shared/publish/publicationState.ts';
import { useApiEvent } from '../../api/useApiEvent.ts';
import { useClient } from '../../api/useClient.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useT } from '../i18n/useT.ts';

const NEEDS_A_PERSON = new Set<PublicationState>(WAITING_STATES);

/**
 * The in-app notice, on every page, when a publication fails or waits for a person's decision
 * (the desktop shell also raises a system notification). It names the release, the channel
 * account and what happened, and leads to the queue.
 */
export function PublicationNotices() {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const { notification } = App.useApp();
  useApiEvent('publication.changed', (event) => {
    if (!NEEDS_A_PERSON.has(event.state)) return;
    void client
      .call('publish.get', { id: event.id })
      .then((p) => {
        if (!NEEDS_A_PERSON.has(p.state)) return;
        const lang = locale === 'en' ? 'en' : 'zh';
        notification.warning({
          key: p.id,
          title: t('notice.needsPerson', {
            title: p.title || t('common.untitled'),
            account: `${CHANNEL_NAMES[p.channel][lang]} · ${p.accountName}`,
          }),
          description: p.lastProblem?.message[lang] ?? t(`publication.state.${p.state}`),
          duration: 0,
          actions: (
            <Button
              size="small"
              type="primary"
              href="#/queue"
              onClick={() => notification.destroy(p.id)}
            >
              {t('notice.openQueue')}
            </Button>
          ),
        });
      })
      .catch(() => undefined);
  });
  return null;
}
