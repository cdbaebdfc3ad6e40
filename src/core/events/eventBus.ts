import type { ApiEvent, EventName, EventPayload } from '../../shared/api/contract.ts';

export type EventListener = (event: ApiEvent) => void;

/**
 * Fans contract events out to the hosts (Electron windows, headless event streams).
 * A listener that throws is isolated: the others still get the event.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as ApiEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken window must not stop the others from hearing about the change.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
