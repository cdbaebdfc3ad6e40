import { z } from 'zod';
import { ApiErrorSchema, type ApiError } from './errors.ts';

/** What every call answers, over IPC and HTTP alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Shape check of an envelope whose value is still unchecked (the client validates it). */
export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorSchema }),
]);

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (error: ApiError): Envelope<never> => ({ ok: false, error });
