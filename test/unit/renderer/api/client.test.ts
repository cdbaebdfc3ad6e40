// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../../src/renderer/api/client.ts';
import { ClientError } from '../../../../src/renderer/api/clientError.ts';
import { TransportError } from '../../../../src/renderer/api/transport.ts';
import { fakeTransport } from './fakeTransport.ts';

const INFO = {
  name: 'PressDesk',
  version: '0.1.0',
  runtime: 'headless',
  dataDir: '/tmp/pd',
  databasePath: '/tmp/pd/pressdesk.db',
  schemaVersion: 1,
  sqliteVersion: '3.50.0',
  nodeVersion: '22.12.0',
};
const DRAFT_ID = '0b6f8f86-3f5e-4b8e-9a55-3c1c2f1d7e10';

async function failureOf(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ClientError);
    return error as ClientError;
  }
  throw new Error('expected the call to fail');
}

describe('createClient: calls', () => {
  it('resolves with the value of an ok envelope, and sends the method and input as given', async () => {
    const fake = fakeTransport(() => ({ ok: true, value: INFO }));
    const client = createClient(fake.transport);
    await expect(client.call('app.info', {})).resolves.toEqual(INFO);
    expect(fake.sent).toEqual([{ method: 'app.info', input: {} }]);
  });

  it('throws a ClientError carrying the code, message and issues of an error envelope', async () => {
    const issues = [
      { path: 'timeZone', message: 'Not a known IANA time zone (e.g. Asia/Shanghai).' },
    ];
    const fake = fakeTransport(() => ({
      ok: false,
      error: { code: 'invalid_input', message: 'Invalid input for settings.set', issues },
    }));
    const error = await failureOf(
      createClient(fake.transport).call('settings.set', { timeZone: 'Mars/Base' }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Invalid input for settings.set');
    expect(error.issues).toEqual(issues);
    expect(error.method).toBe('settings.set');
  });

  it('keeps the conflict code so the UI can offer a reload', async () => {
    const fake = fakeTransport(() => ({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The draft was saved elsewhere in the meantime (version 3).',
      },
    }));
    const error = await failureOf(
      createClient(fake.transport).call('drafts.save', {
        id: DRAFT_ID,
        baseVersion: 2,
        title: 'x',
      }),
    );
    expect(error.code).toBe('conflict');
    expect(error.issues).toEqual([]);
  });

  it('reports a body that is not an envelope as malformed_response', async () => {
    const fake = fakeTransport(() => ({ status: 'fine', data: INFO }));
    const error = await failureOf(createClient(fake.transport).call('app.info', {}));
    expect(error.code).toBe('malformed_response');
    expect(error.message).toContain('app.info');
  });

  it('reports an error envelope with an unknown code as malformed_response, not as that code', async () => {
    const fake = fakeTransport(() => ({
      ok: false,
      error: { code: 'teapot', message: 'short and stout' },
    }));
    const error = await failureOf(createClient(fake.transport).call('app.info', {}));
    expect(error.code).toBe('malformed_response');
  });

  it('keeps the code of a transport failure (a body that is not JSON)', async () => {
    const fake = fakeTransport(() => {
      throw new TransportError(
        'malformed_response',
        'The host answered HTTP 502 with a body that is not JSON',
      );
    });
    const error = await failureOf(createClient(fake.transport).call('app.info', {}));
    expect(error.code).toBe('malformed_response');
    expect(error.message).toContain('502');
  });

  it('turns any other transport failure into unreachable', async () => {
    const fake = fakeTransport(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failureOf(createClient(fake.transport).call('app.info', {}));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe('Failed to fetch');
  });

  it('refuses a value that does not match the output schema, naming the field', async () => {
    const fake = fakeTransport(() => ({ ok: true, value: { ...INFO, runtime: 'browser' } }));
    const error = await failureOf(createClient(fake.transport).call('app.info', {}));
    expect(error.code).toBe('unexpected_output');
    expect(error.issues.map((i) => i.path)).toContain('runtime');
  });

  it('tells failure observers about every failed call, and not about successes', async () => {
    let answer: unknown = { ok: false, error: { code: 'unauthorized', message: 'no token' } };
    const client = createClient(fakeTransport(() => answer).transport);
    const seen: string[] = [];
    client.onFailure((error) => seen.push(error.code));
    await failureOf(client.call('app.info', {}));
    answer = { ok: true, value: INFO };
    await client.call('app.info', {});
    expect(seen).toEqual(['unauthorized']);
  });
});

describe('createClient: events', () => {
  it('delivers valid events and drops those that break the contract', () => {
    const fake = fakeTransport(() => undefined);
    const invalid = vi.fn();
    const client = createClient(fake.transport, { onInvalidEvent: invalid });
    const received: unknown[] = [];
    client.subscribe((event) => received.push(event));

    fake.push({ name: 'drafts.changed', payload: { id: DRAFT_ID, version: 2 } });
    fake.push({ name: 'settings.changed', payload: { locale: 'en' } });
    fake.push({ name: 'drafts.changed', payload: { id: 'not-a-uuid', version: 2 } });
    fake.push({ name: 'settings.changed', payload: { locale: 'fr' } });
    fake.push({ name: 'drafts.deleted', payload: { id: DRAFT_ID } });
    fake.push('data: nonsense');
    fake.pushUndecodable('event data is not JSON');

    expect(received).toEqual([
      { name: 'drafts.changed', payload: { id: DRAFT_ID, version: 2 } },
      { name: 'settings.changed', payload: { locale: 'en' } },
    ]);
    expect(invalid).toHaveBeenCalledTimes(5);
    expect(invalid.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('drafts.changed'),
      expect.stringContaining('settings.changed'),
      expect.stringContaining('unknown event "drafts.deleted"'),
      expect.stringContaining('not an event frame'),
      'event data is not JSON',
    ]);
  });

  it('opens one connection for all listeners and closes it with the last one', () => {
    const fake = fakeTransport(() => undefined);
    const client = createClient(fake.transport);
    const stopA = client.subscribe(() => undefined);
    const stopB = client.subscribe(() => undefined);
    expect(fake.timesOpened).toBe(1);
    stopA();
    expect(fake.openConnections).toBe(1);
    stopB();
    expect(fake.openConnections).toBe(0);
    client.subscribe(() => undefined);
    expect(fake.timesOpened).toBe(2);
  });

  it('keeps delivering to the other listeners when one throws', () => {
    const fake = fakeTransport(() => undefined);
    const client = createClient(fake.transport);
    const good = vi.fn();
    client.subscribe(() => {
      throw new Error('broken listener');
    });
    client.subscribe(good);
    fake.push({ name: 'settings.changed', payload: { locale: 'zh-CN' } });
    expect(good).toHaveBeenCalledWith({ name: 'settings.changed', payload: { locale: 'zh-CN' } });
  });
});
