// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../../src/renderer/api/client.ts';
import { ClientError } from '../../../../src/renderer/api/clientError.ts';
import {
  createHttpTransport,
  type EventSourceLike,
} from '../../../../src/renderer/api/httpTransport.ts';
import { TransportError } from '../../../../src/renderer/api/transport.ts';

function answering(status: number, body: string) {
  return vi.fn<typeof fetch>(() =>
    Promise.resolve(
      new Response(body, { status, headers: { 'Content-Type': 'application/json' } }),
    ),
  );
}

describe('createHttpTransport: calls', () => {
  it('POSTs the input as JSON to /api/<method>, same-origin with credentials', async () => {
    const fetch = answering(200, '{"ok":true,"value":{"locale":"zh-CN"}}');
    const transport = createHttpTransport({ fetch });
    await expect(transport.send('settings.set', { locale: 'zh-CN' })).resolves.toEqual({
      ok: true,
      value: { locale: 'zh-CN' },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/settings.set');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(init?.body).toBe('{"locale":"zh-CN"}');
  });

  it('answers the envelope whatever the HTTP status', async () => {
    const envelope = { ok: false, error: { code: 'not_found', message: 'No draft with id x.' } };
    const transport = createHttpTransport({ fetch: answering(404, JSON.stringify(envelope)) });
    await expect(transport.send('app.info', {})).resolves.toEqual(envelope);
  });

  it('rejects a body that is not JSON as malformed_response, quoting the status and the body', async () => {
    const transport = createHttpTransport({ fetch: answering(502, '<html>Bad Gateway</html>') });
    const error = await transport.send('app.info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('malformed_response');
    expect((error as TransportError).message).toContain('HTTP 502');
    expect((error as TransportError).message).toContain('Bad Gateway');
  });

  it('rejects a failed request (host down) as unreachable', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.reject(new TypeError('fetch failed')),
    );
    const error = await createHttpTransport({ fetch })
      .send('app.info', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('unreachable');
  });

  it('lets the client turn the headless 401 envelope into an unauthorized ClientError', async () => {
    const body = JSON.stringify({
      ok: false,
      error: { code: 'unauthorized', message: 'no token' },
    });
    const client = createClient(createHttpTransport({ fetch: answering(401, body) }));
    const error = await client.call('settings.get', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('unauthorized');
  });
});

describe('createHttpTransport: events', () => {
  function fakeSource() {
    const created: { url: string; source: EventSourceLike & { closed: boolean } }[] = [];
    const createEventSource = (url: string) => {
      const source = {
        onmessage: null as EventSourceLike['onmessage'],
        closed: false,
        close() {
          this.closed = true;
        },
      };
      created.push({ url, source });
      return source;
    };
    return { created, createEventSource };
  }

  it('reads /api/events and hands over each message parsed from JSON', () => {
    const { created, createEventSource } = fakeSource();
    const transport = createHttpTransport({ createEventSource });
    const messages: unknown[] = [];
    const problems: string[] = [];
    const stop = transport.listen(
      (raw) => messages.push(raw),
      (p) => problems.push(p),
    );
    const entry = created[0];
    expect(entry?.url).toBe('/api/events');
    const send = (data: string) => entry?.source.onmessage?.(new MessageEvent('message', { data }));
    send('{"name":"settings.changed","payload":{"locale":"en"}}');
    send('not json');
    expect(messages).toEqual([{ name: 'settings.changed', payload: { locale: 'en' } }]);
    expect(problems).toEqual([expect.stringContaining('not JSON')]);
    stop();
    expect(entry?.source.closed).toBe(true);
  });
});
