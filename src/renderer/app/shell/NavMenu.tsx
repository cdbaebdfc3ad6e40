import {
  AuditOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileTextOutlined,
  HistoryOutlined,
  SendOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import { NAV_ITEMS } from '../routes/navItems.ts';
import { hrefOf, type Section } from '../routes/route.ts';

/** Icons are decoration: hidden from assistive technology, the text names the link. */
const ICONS: Readonly<Record<Section, ReactNode>> = {
  drafts: <FileTextOutlined aria-hidden />,
  calendar: <CalendarOutlined aria-hidden />,
  queue: <SendOutlined aria-hidden />,
  history: <HistoryOutlined aria-hidden />,
  channels: <ClusterOutlined aria-hidden />,
  review: <AuditOutlined aria-hidden />,
  settings: <SettingOutlined aria-hidden />,
};

/**
 * The main navigation: plain links in a <nav> list (not an ARIA menu, which is for
 * application commands), so Tab, Enter, middle-click and the address bar all behave as usual.
 * The current section carries aria-current="page".
 */
export function NavMenu({ current }: { current: Section | undefined }) {
  const t = useT();
  return (
    <nav className="pd-nav" aria-label={t('shell.navLabel')}>
      <ul>
        {NAV_ITEMS.map(({ section, labelKey }) => (
          <li key={section}>
            <a
              href={hrefOf({ name: section })}
              aria-current={section === current ? 'page' : undefined}
            >
              {ICONS[section]}
              <span>{t(labelKey)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
