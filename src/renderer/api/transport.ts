import type { ApiMethod } from '../../shared/api/contract.ts';
import type { LocalErrorCode } from './clientError.ts';

/**
 * How the client reaches the app: over Electron IPC (window.api) or over the headless host's
 * HTTP API. A transport moves bytes and nothing more: it does not validate what it receives,
 * the client does, so both transports are held to exactly the same checks.
 */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /**
   * Sends one call and resolves with the host's answer, unchecked (it should be an envelope).
   * Rejects with a TransportError when the host cannot be reached or the answer is not JSON.
   */
  send(method: ApiMethod, input: unknown): Promise<unknown>;
  /**
   * Delivers every event message the host pushes, unchecked, until the returned function is
   * called. A message that could not even be decoded is passed to `onUndecodable`.
   */
  listen(onMessage: (raw: unknown) => void, onUndecodable: (problem: string) => void): () => void;
}

/** A failure below the contract, with the client code it becomes. */
export class TransportError extends Error {
  readonly code: LocalErrorCode;

  constructor(code: LocalErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'TransportError';
    this.code = code;
  }
}
