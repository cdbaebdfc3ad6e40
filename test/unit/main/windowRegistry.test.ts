import { beforeEach, describe, expect, it } from 'vitest';
import { WindowRegistry } from '../../../src/main/windowRegistry.ts';
import { FakeBrowserWindow, resetFakeElectron } from '../../fixtures/fakeElectron.ts';

describe('WindowRegistry', () => {
  beforeEach(() => resetFakeElectron());

  it('lists the windows it was given, oldest first, and drops each one when it closes', () => {
    const registry = new WindowRegistry<FakeBrowserWindow>();
    const first = registry.add(new FakeBrowserWindow());
    const second = registry.add(new FakeBrowserWindow());
    new FakeBrowserWindow(); // not ours: never listed
    expect(registry.list()).toEqual([first, second]);

    first.close();
    expect(registry.list()).toEqual([second]);
    second.close();
    expect(registry.list()).toEqual([]);
  });
});
