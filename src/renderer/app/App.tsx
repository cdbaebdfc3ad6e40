import { ConfigProvider } from 'antd';
import type { AccessMonitor } from '../api/accessMonitor.ts';
import type { DeskClient } from '../api/client.ts';
import { ClientContext } from '../api/clientContext.ts';
import type { Locale } from '../../shared/domain/settings.ts';
import { AccessGate } from './errors/AccessGate.tsx';
import { LocalizedAntd } from './LocalizedAntd.tsx';
import { DeskSettingsProvider } from './settings/DeskSettingsProvider.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { pressDeskTheme } from './theme.ts';

interface Props {
  client: DeskClient;
  access: AccessMonitor;
  initialLocale: Locale;
}

/** The whole renderer: the client, the access gate, the settings and language, the shell. */
export function App({ client, access, initialLocale }: Props) {
  return (
    <ClientContext value={client}>
      <ConfigProvider theme={pressDeskTheme}>
        <AccessGate monitor={access}>
          <DeskSettingsProvider initialLocale={initialLocale}>
            <LocalizedAntd>
              <AppShell />
            </LocalizedAntd>
          </DeskSettingsProvider>
        </AccessGate>
      </ConfigProvider>
    </ClientContext>
  );
}
