import { useContext } from 'react';
import type { DeskClient } from './client.ts';
import { ClientContext } from './clientContext.ts';

/** The app's client. Throws when used outside <ClientContext value={client}>: a wiring defect. */
export function useClient(): DeskClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientContext> provider above it.');
  return client;
}
