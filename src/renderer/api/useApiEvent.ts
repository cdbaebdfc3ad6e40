import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../shared/api/contract.ts';
import { useClient } from './useClient.ts';

/**
 * Runs `handler` for every `name` event while the component is mounted. The handler may
 * change on every render; the subscription is made once per client and event name.
 */
export function useApiEvent<E extends EventName>(
  name: E,
  handler: (payload: EventPayload<E>) => void,
): void {
  const client = useClient();
  const onEvent = useEffectEvent(handler);
  useEffect(
    () =>
      client.subscribe((event) => {
        // The union narrows on `name`; the cast restates that for the generic E.
        if (event.name === name) onEvent(event.payload as EventPayload<E>);
      }),
    [client, name],
  );
}
