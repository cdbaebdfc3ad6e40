import type { ApiMethod } from '../../../../src/shared/api/contract.ts';
import type { Transport } from '../../../../src/renderer/api/transport.ts';

/** A transport whose answers and events the test controls, recording what was sent. */
export function fakeTransport(answer: (method: ApiMethod, input: unknown) => unknown) {
  const sent: { method: ApiMethod; input: unknown }[] = [];
  const listeners = new Set<{
    onMessage: (raw: unknown) => void;
    onUndecodable: (p: string) => void;
  }>();
  let opened = 0;
  const transport: Transport = {
    kind: 'http',
    send(method, input) {
      sent.push({ method, input });
      return Promise.resolve().then(() => answer(method, input));
    },
    listen(onMessage, onUndecodable) {
      opened += 1;
      const entry = { onMessage, onUndecodable };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  return {
    transport,
    sent,
    push(raw: unknown) {
      for (const l of listeners) l.onMessage(raw);
    },
    pushUndecodable(problem: string) {
      for (const l of listeners) l.onUndecodable(problem);
    },
    get openConnections() {
      return listeners.size;
    },
    get timesOpened() {
      return opened;
    },
  };
}
