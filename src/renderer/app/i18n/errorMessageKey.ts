import type { ClientErrorCode } from '../../api/clientError.ts';
import type { MessageKey } from './messageKey.ts';

/**
 * The sentence shown for each failure code. A Record, so a code added to the contract (or to
 * the client) does not compile until it has a sentence in both languages.
 */
export const ERROR_MESSAGE_KEYS: Readonly<Record<ClientErrorCode, MessageKey>> = {
  invalid_input: 'error.invalid_input',
  unknown_method: 'error.unknown_method',
  not_found: 'error.not_found',
  conflict: 'error.conflict',
  refused: 'error.refused',
  unauthorized: 'error.unauthorized',
  forbidden_sender: 'error.forbidden_sender',
  storage: 'error.storage',
  internal: 'error.internal',
  unreachable: 'error.unreachable',
  malformed_response: 'error.malformed_response',
  unexpected_output: 'error.unexpected_output',
};
