import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAccessMonitor } from './api/accessMonitor.ts';
import { createClient } from './api/client.ts';
import { selectTransport } from './api/selectTransport.ts';
import { App } from './app/App.tsx';
import { htmlLangOf, readStoredLocale } from './app/i18n/storedLocale.ts';
import './app/global.css';

const client = createClient(selectTransport(window as { api?: unknown }), {
  onInvalidEvent: (problem) =>
    console.warn(`PressDesk: dropped an event that breaks the contract (${problem}).`),
});
// Before the first render, so that even the first call's `unauthorized` is caught.
const access = createAccessMonitor(client);
const initialLocale = readStoredLocale(window.localStorage) ?? 'zh-CN';
document.documentElement.lang = htmlLangOf(initialLocale);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App client={client} access={access} initialLocale={initialLocale} />
  </StrictMode>,
);
