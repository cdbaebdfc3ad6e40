import { beforeEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../../src/preload/createBridge.ts';
import { IPC_EVENT_CHANNEL, ipcChannelOf } from '../../../src/shared/api/bridge.ts';
import { API_METHODS, type ApiEvent } from '../../../src/shared/api/contract.ts';
import { FakeIpcRenderer } from '../../fixtures/fakeElectron.ts';

describe('createBridge', () => {
  let ipc: FakeIpcRenderer;
  beforeEach(() => {
    ipc = new FakeIpcRenderer();
  });

  it('exposes exactly the contract methods, plus onEvent, and nothing else', () => {
    const bridge = createBridge(ipc);
    expect(Object.keys(bridge).sort()).toEqual(['methods', 'onEvent']);
    expect(Object.keys(bridge.methods).sort()).toEqual([...API_METHODS].sort());
    for (const fn of Object.values(bridge.methods)) expect(typeof fn).toBe('function');
  });

  it('never exposes ipcRenderer or process, however deep one looks', () => {
    const bridge = createBridge(ipc);
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (
        value === null ||
        (typeof value !== 'object' && typeof value !== 'function') ||
        seen.has(value)
      )
        return;
      seen.add(value);
      expect(value).not.toBe(ipc);
      expect(value).not.toBe(process);
      for (const key of Reflect.ownKeys(value)) {
        walk((value as Record<PropertyKey, unknown>)[key]);
      }
    };
    walk(bridge);
    expect(seen.size).toBeGreaterThan(API_METHODS.length);
  });

  it('sends each call on api:<method> with its one input and answers the envelope', async () => {
    ipc.respond = (channel, args) => ({ ok: true, value: { channel, args } });
    const bridge = createBridge(ipc);
    for (const method of API_METHODS) {
      const input = { probe: method };
      expect(await bridge.methods[method](input)).toEqual({
        ok: true,
        value: { channel: ipcChannelOf(method), args: [input] },
      });
    }
    expect(ipc.invocations.map((i) => i.channel)).toEqual(API_METHODS.map(ipcChannelOf));
  });

  it('passes events as the bare payload, never the IPC event object', () => {
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    bridge.onEvent((...args: unknown[]) => received.push(args));
    const event: ApiEvent = { name: 'settings.changed', payload: { locale: 'zh-CN' } };
    ipc.deliver(IPC_EVENT_CHANNEL, event);
    expect(received).toEqual([[event]]);
    expect(received[0]?.[0]).not.toHaveProperty('sender');
  });

  it('unsubscribes exactly the listener it was given, once', () => {
    const bridge = createBridge(ipc);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.onEvent((e) => first.push(e));
    bridge.onEvent((e) => second.push(e));
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(2);

    ipc.deliver(IPC_EVENT_CHANNEL, { name: 'settings.changed', payload: { locale: 'en' } });
    stopFirst();
    stopFirst();
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    ipc.deliver(IPC_EVENT_CHANNEL, { name: 'settings.changed', payload: { locale: 'zh-CN' } });

    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
  });

  it('listens on no other channel', () => {
    const bridge = createBridge(ipc);
    const received: unknown[] = [];
    bridge.onEvent((e) => received.push(e));
    ipc.deliver('api:other', { name: 'settings.changed', payload: { locale: 'en' } });
    expect(received).toEqual([]);
    expect(ipc.eventNames()).toEqual([IPC_EVENT_CHANNEL]);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(ipc);
    expect(() => bridge.onEvent('nope' as unknown as () => void)).toThrow(TypeError);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
