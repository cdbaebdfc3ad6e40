import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks v1, symmetric scheme (https://www.standardwebhooks.com): the sender signs
 * "<webhook-id>.<webhook-timestamp>.<raw body>" with HMAC-SHA256 under the key carried by a
 * `whsec_<base64>` secret and sends `v1,<base64 signature>`; several space-separated
 * signatures allow key rotation; receivers refuse timestamps more than 5 minutes off.
 */

export const SECRET_PREFIX = 'whsec_';
/** The spec's bounds for a symmetric key: at least 24 bytes, at most 512 bits. */
export const MIN_KEY_BYTES = 24;
export const MAX_KEY_BYTES = 64;
/** How far a receiver lets webhook-timestamp stray from its own clock, either way. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type SecretParse =
  { ok: true; key: Buffer } | { ok: false; reason: 'missing' | 'prefix' | 'base64' | 'length' };

/** Reads a `whsec_<base64>` secret into its key; accepts only canonical base64. */
export function parseWebhookSecret(secret: string | undefined): SecretParse {
  const text = secret?.trim() ?? '';
  if (text === '') return { ok: false, reason: 'missing' };
  if (!text.startsWith(SECRET_PREFIX)) return { ok: false, reason: 'prefix' };
  const encoded = text.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    return { ok: false, reason: 'base64' };
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.toString('base64') !== encoded) return { ok: false, reason: 'base64' };
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    return { ok: false, reason: 'length' };
  }
  return { ok: true, key };
}

function keyOf(secret: string): Buffer {
  const parsed = parseWebhookSecret(secret);
  if (!parsed.ok) throw new Error(`Malformed webhook secret (${parsed.reason})`);
  return parsed.key;
}

function digest(key: Buffer, id: string, timestamp: number, body: string | Buffer): Buffer {
  return createHmac('sha256', key)
    .update(`${id}.${timestamp}.`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest();
}

/**
 * The `webhook-signature` value of one message: `v1,<base64>` for each secret (the current one
 * first during a rotation), space-separated. Throws on a malformed secret: callers validate it
 * with parseWebhookSecret first and turn a bad one into a problem the person can act on.
 */
export function sign(
  secret: string | readonly string[],
  id: string,
  timestamp: number,
  body: string | Buffer,
): string {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  return secrets
    .map((s) => `v1,${digest(keyOf(s), id, timestamp, body).toString('base64')}`)
    .join(' ');
}

export interface WebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type VerifyResult =
  | { ok: true; id: string; timestamp: number }
  | {
      ok: false;
      reason: 'missing-headers' | 'bad-timestamp' | 'too-old' | 'too-new' | 'bad-signature';
    };

/**
 * Checks a received message as a Standard Webhooks receiver does: all three headers present,
 * the timestamp an integer within `toleranceSeconds` of `now`, and at least one `v1`
 * signature in the header matching one of the receiver's secrets (compared in constant time).
 * Signatures of other schemes (`v1a`) are skipped.
 */
export function verify(
  secret: string | readonly string[],
  headers: WebhookHeaders,
  body: string | Buffer,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp.trim())) return { ok: false, reason: 'bad-timestamp' };
  const seconds = Number(timestamp.trim());
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds - seconds > toleranceSeconds) return { ok: false, reason: 'too-old' };
  if (seconds - nowSeconds > toleranceSeconds) return { ok: false, reason: 'too-new' };
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const expected = secrets.map((s) => digest(keyOf(s), id, seconds, body));
  for (const entry of signature.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const given = Buffer.from(entry.slice(comma + 1), 'base64');
    for (const mac of expected) {
      if (given.length === mac.length && timingSafeEqual(given, mac)) {
        return { ok: true, id, timestamp: seconds };
      }
    }
  }
  return { ok: false, reason: 'bad-signature' };
}
