// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createAccessMonitor } from '../../../../src/renderer/api/accessMonitor.ts';
import { createClient } from '../../../../src/renderer/api/client.ts';
import { fakeTransport } from './fakeTransport.ts';

describe('createAccessMonitor', () => {
  it('latches on the first unauthorized answer, and only on that code', async () => {
    let code = 'not_found';
    const client = createClient(
      fakeTransport(() => ({ ok: false, error: { code, message: 'm' } })).transport,
    );
    const monitor = createAccessMonitor(client);
    const onChange = vi.fn();
    monitor.subscribe(onChange);

    await client.call('app.info', {}).catch(() => undefined);
    expect(monitor.isUnauthorized()).toBe(false);
    expect(onChange).not.toHaveBeenCalled();

    code = 'unauthorized';
    await client.call('app.info', {}).catch(() => undefined);
    await client.call('app.info', {}).catch(() => undefined);
    expect(monitor.isUnauthorized()).toBe(true);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
