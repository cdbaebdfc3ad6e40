import type { ApiMethod } from '../../shared/api/contract.ts';
import { TransportError, type Transport } from './transport.ts';

/** The part of EventSource this transport uses, so tests can hand in a fake. */
export interface EventSourceLike {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  close(): void;
}

export interface HttpTransportOptions {
  /** Where the headless host serves the API; the page's own origin by default. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}

/** How much of an unreadable body is quoted in the error, enough to recognise it. */
const QUOTE_CHARS = 120;

/**
 * The headless host's API (src/headless): POST /api/<method> with a JSON body, answered by
 * the envelope JSON whatever the HTTP status; GET /api/events as Server-Sent Events, one
 * `data: {"name", "payload"}` per message. Authentication is the token cookie the host set
 * when the user opened the printed address, so requests are same-origin with credentials.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = options.baseUrl ?? '/';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createEventSource = options.createEventSource ?? ((url) => new EventSource(url));
  const urlOf = (path: string): string => `${baseUrl.replace(/\/+$/, '')}/api/${path}`;

  return {
    kind: 'http',
    async send(method: ApiMethod, input: unknown): Promise<unknown> {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(urlOf(encodeURIComponent(method)), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        text = await response.text();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new TransportError(
          'unreachable',
          `Could not reach the PressDesk host: ${reason}`,
          error,
        );
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        const quote = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
        throw new TransportError(
          'malformed_response',
          `The host answered HTTP ${response.status} with a body that is not JSON: ${JSON.stringify(quote)}`,
          error,
        );
      }
    },
    listen(onMessage, onUndecodable) {
      // EventSource reconnects by itself after a dropped connection.
      const source = createEventSource(urlOf('events'));
      source.onmessage = (message) => {
        let raw: unknown;
        try {
          raw = JSON.parse(message.data) as unknown;
        } catch {
          onUndecodable(
            `event data is not JSON: ${JSON.stringify(message.data.slice(0, QUOTE_CHARS))}`,
          );
          return;
        }
        onMessage(raw);
      };
      return () => {
        source.onmessage = null;
        source.close();
      };
    },
  };
}
