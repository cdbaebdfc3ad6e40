import { describe, expect, it, vi } from 'vitest';
import type { DeskBridge } from '../../../src/shared/api/bridge.ts';
import { API_METHODS } from '../../../src/shared/api/contract.ts';
import { fakeElectron } from '../../fixtures/fakeElectron.ts';

vi.mock('electron', async () => (await import('../../fixtures/fakeElectron.ts')).electronModule);

describe('src/preload/index.ts', () => {
  it('exposes one thing to the page, window.api, built on ipcRenderer from the contract', async () => {
    await import('../../../src/preload/index.ts');
    const { contextBridge, ipcRenderer } = fakeElectron;
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);

    const api = contextBridge.exposed.get('api') as DeskBridge;
    expect(Object.keys(api.methods).sort()).toEqual([...API_METHODS].sort());
    await api.methods['app.info']({});
    expect(ipcRenderer.invocations).toEqual([{ channel: 'api:app.info', args: [{}] }]);
  });
});
