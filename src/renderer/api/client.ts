import { z } from 'zod';
import {
  contract,
  events,
  type ApiEvent,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
  type EventName,
} from '../../shared/api/contract.ts';
import { EnvelopeSchema } from '../../shared/api/envelope.ts';
import { describeIssues, issuesOf } from '../../shared/api/issues.ts';
import { ClientError } from './clientError.ts';
import { TransportError, type Transport } from './transport.ts';

export type EventListener = (event: ApiEvent) => void;
export type FailureListener = (error: ClientError) => void;

/** The one way the renderer talks to the app. It never knows which transport it has. */
export interface DeskClient {
  readonly transportKind: Transport['kind'];
  /**
   * Calls a contract method. Resolves with the value, checked against the method's output
   * schema; rejects with a ClientError and nothing else.
   */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Hears every valid contract event until the returned function is called. */
  subscribe(listener: EventListener): () => void;
  /** Hears every failed call (e.g. so the shell can react to `unauthorized` wherever it happens). */
  onFailure(listener: FailureListener): () => void;
}

export interface ClientOptions {
  /** Told about event messages that were dropped because they broke the contract. */
  onInvalidEvent?: (problem: string, raw: unknown) => void;
}

const EventFrameSchema = z.object({ name: z.string(), payload: z.unknown() });

function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/**
 * Checks one raw event message against the contract. Answers the typed event, or a sentence
 * saying why it was refused.
 */
export function parseEvent(
  raw: unknown,
): { ok: true; event: ApiEvent } | { ok: false; problem: string } {
  const frame = EventFrameSchema.safeParse(raw);
  if (!frame.success) return { ok: false, problem: 'not an event frame {name, payload}' };
  const { name, payload } = frame.data;
  if (!isEventName(name)) return { ok: false, problem: `unknown event "${name}"` };
  const parsed = events[name].safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      problem: `bad payload for ${name}: ${describeIssues(issuesOf(parsed.error))}`,
    };
  }
  // The schema was picked by `name`, so the pair is a valid ApiEvent.
  return { ok: true, event: { name, payload: parsed.data } as ApiEvent };
}

export function createClient(transport: Transport, options: ClientOptions = {}): DeskClient {
  const eventListeners = new Set<EventListener>();
  const failureListeners = new Set<FailureListener>();
  let stopListening: (() => void) | undefined;

  function fail(error: ClientError): never {
    for (const listener of failureListeners) {
      try {
        listener(error);
      } catch {
        // An observer's defect must not replace the caller's error.
      }
    }
    throw error;
  }

  function dispatch(raw: unknown): void {
    const result = parseEvent(raw);
    if (!result.ok) {
      options.onInvalidEvent?.(result.problem, raw);
      return;
    }
    for (const listener of [...eventListeners]) {
      try {
        listener(result.event);
      } catch {
        // One broken listener must not keep the others from hearing the event.
      }
    }
  }

  async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    let raw: unknown;
    try {
      raw = await transport.send(method, input);
    } catch (error) {
      const code = error instanceof TransportError ? error.code : 'unreachable';
      const message = error instanceof Error ? error.message : String(error);
      return fail(new ClientError(code, message, { method, cause: error }));
    }
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      return fail(
        new ClientError(
          'malformed_response',
          `The answer to ${method} is not a PressDesk envelope: ${describeIssues(issuesOf(envelope.error))}`,
          { method },
        ),
      );
    }
    if (!envelope.data.ok) {
      const { code, message, issues } = envelope.data.error;
      return fail(new ClientError(code, message, { method, issues }));
    }
    const output = contract[method].output.safeParse(envelope.data.value);
    if (!output.success) {
      const issues = issuesOf(output.error);
      return fail(
        new ClientError(
          'unexpected_output',
          `The answer to ${method} does not match the contract: ${describeIssues(issues)}`,
          { method, issues },
        ),
      );
    }
    // The schema is contract[method].output, so its output is ApiOutput<M>.
    return output.data as ApiOutput<M>;
  }

  return {
    transportKind: transport.kind,
    call,
    subscribe(listener) {
      eventListeners.add(listener);
      // One connection to the host, opened with the first listener and closed with the last.
      stopListening ??= transport.listen(dispatch, (problem) =>
        options.onInvalidEvent?.(problem, undefined),
      );
      return () => {
        eventListeners.delete(listener);
        if (eventListeners.size === 0 && stopListening) {
          stopListening();
          stopListening = undefined;
        }
      };
    },
    onFailure(listener) {
      failureListeners.add(listener);
      return () => failureListeners.delete(listener);
    },
  };
}
