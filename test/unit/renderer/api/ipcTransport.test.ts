// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { DeskBridge } from '../../../../src/shared/api/bridge.ts';
import type { ApiEvent } from '../../../../src/shared/api/contract.ts';
import { createClient } from '../../../../src/renderer/api/client.ts';
import { ClientError } from '../../../../src/renderer/api/clientError.ts';
import { createIpcTransport } from '../../../../src/renderer/api/ipcTransport.ts';
import { isDeskBridge, selectTransport } from '../../../../src/renderer/api/selectTransport.ts';

function fakeBridge(invoke: (method: string, input: unknown) => Promise<unknown>) {
  const listeners = new Set<(event: ApiEvent) => void>();
  const methods = new Proxy(
    {},
    { get: (_target, method: string) => (input: unknown) => invoke(method, input) },
  ) as DeskBridge['methods'];
  const bridge: DeskBridge = {
    methods,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, listeners };
}

describe('createIpcTransport', () => {
  it('passes the call to window.api and the envelope back', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true, value: { locale: 'en' } }));
    const transport = createIpcTransport(fakeBridge(invoke).bridge);
    await expect(transport.send('settings.set', { locale: 'en' })).resolves.toEqual({
      ok: true,
      value: { locale: 'en' },
    });
    expect(invoke).toHaveBeenCalledWith('settings.set', { locale: 'en' });
  });

  it('makes a rejected IPC call an unreachable ClientError', async () => {
    const { bridge } = fakeBridge(() => Promise.reject(new Error('No handler registered')));
    const error = await createClient(createIpcTransport(bridge))
      .call('app.info', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('unreachable');
    expect((error as ClientError).message).toContain('No handler registered');
  });

  it('relays events from the bridge until unsubscribed', () => {
    const { bridge, listeners } = fakeBridge(() => Promise.resolve(undefined));
    const client = createClient(createIpcTransport(bridge));
    const received: ApiEvent[] = [];
    const stop = client.subscribe((event) => received.push(event));
    for (const l of listeners) l({ name: 'settings.changed', payload: { locale: 'en' } });
    expect(received).toEqual([{ name: 'settings.changed', payload: { locale: 'en' } }]);
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('selectTransport', () => {
  it('uses IPC when window.api is a DeskBridge, HTTP otherwise', () => {
    const { bridge } = fakeBridge(() => Promise.resolve(undefined));
    expect(selectTransport({ api: bridge }).kind).toBe('ipc');
    expect(selectTransport({}).kind).toBe('http');
    expect(selectTransport({ api: { methods: {} } }).kind).toBe('http');
  });

  it('recognises only the bridge shape', () => {
    expect(isDeskBridge(null)).toBe(false);
    expect(isDeskBridge({ methods: null, onEvent: () => undefined })).toBe(false);
    expect(isDeskBridge({ methods: {}, onEvent: () => undefined })).toBe(true);
  });
});
