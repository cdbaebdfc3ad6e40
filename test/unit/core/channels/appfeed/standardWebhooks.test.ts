import { describe, expect, it } from 'vitest';
import {
  parseWebhookSecret,
  sign,
  verify,
} from '../../../../../src/core/channels/appfeed/standardWebhooks.ts';

/** The spec's test vector (shared/channels/appfeed.md). */
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

const OTHER_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const at = (seconds: number) => new Date(seconds * 1000);
const headers = (signature: string, timestamp = String(TIMESTAMP)) => ({
  id: ID,
  timestamp,
  signature,
});

describe('Standard Webhooks sign', () => {
  it('matches the spec test vector exactly', () => {
    expect(sign(SECRET, ID, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(sign(SECRET, ID, TIMESTAMP, Buffer.from(BODY))).toBe(SIGNATURE);
  });

  it('signs with each secret of a rotation, space-separated, current first', () => {
    const both = sign([OTHER_SECRET, SECRET], ID, TIMESTAMP, BODY);
    const [first, second] = both.split(' ');
    expect(second).toBe(SIGNATURE);
    expect(first).toBe(sign(OTHER_SECRET, ID, TIMESTAMP, BODY));
    expect(first).not.toBe(SIGNATURE);
  });

  it('refuses to sign with a malformed secret', () => {
    expect(() => sign('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ID, TIMESTAMP, BODY)).toThrow(/prefix/);
  });
});

describe('Standard Webhooks verify', () => {
  it('accepts the spec vector within the tolerance', () => {
    expect(verify(SECRET, headers(SIGNATURE), BODY, at(TIMESTAMP + 299))).toEqual({
      ok: true,
      id: ID,
      timestamp: TIMESTAMP,
    });
  });

  it('accepts a header of several signatures when one is valid (rotation), skipping v1a', () => {
    const wrong = sign(OTHER_SECRET, ID, TIMESTAMP, BODY);
    const header = `v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== ${wrong} ${SIGNATURE}`;
    expect(verify(SECRET, headers(header), BODY, at(TIMESTAMP)).ok).toBe(true);
    expect(verify(SECRET, headers(wrong), BODY, at(TIMESTAMP))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('a receiver holding the old and the new secret accepts either', () => {
    const receiver = [OTHER_SECRET, SECRET];
    expect(verify(receiver, headers(SIGNATURE), BODY, at(TIMESTAMP)).ok).toBe(true);
    const byNew = sign(OTHER_SECRET, ID, TIMESTAMP, BODY);
    expect(verify(receiver, headers(byNew), BODY, at(TIMESTAMP)).ok).toBe(true);
  });

  it('rejects a timestamp 6 minutes old or 6 minutes ahead', () => {
    expect(verify(SECRET, headers(SIGNATURE), BODY, at(TIMESTAMP + 360))).toEqual({
      ok: false,
      reason: 'too-old',
    });
    expect(verify(SECRET, headers(SIGNATURE), BODY, at(TIMESTAMP - 360))).toEqual({
      ok: false,
      reason: 'too-new',
    });
  });

  it('rejects a tampered body, id or timestamp', () => {
    expect(verify(SECRET, headers(SIGNATURE), '{"test": 2432232315}', at(TIMESTAMP))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verify(SECRET, { ...headers(SIGNATURE), id: 'msg_other' }, BODY, at(TIMESTAMP)).ok).toBe(
      false,
    );
    expect(verify(SECRET, headers(SIGNATURE, String(TIMESTAMP + 1)), BODY, at(TIMESTAMP))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects missing headers and a timestamp that is not an integer', () => {
    expect(verify(SECRET, { ...headers(SIGNATURE), id: undefined }, BODY, at(TIMESTAMP))).toEqual({
      ok: false,
      reason: 'missing-headers',
    });
    expect(verify(SECRET, headers(SIGNATURE, '1614265330.5'), BODY, at(TIMESTAMP))).toEqual({
      ok: false,
      reason: 'bad-timestamp',
    });
    expect(verify(SECRET, headers('v1,not-base64!!'), BODY, at(TIMESTAMP))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });
});

describe('parseWebhookSecret', () => {
  it('decodes whsec_<base64> into its key', () => {
    const parsed = parseWebhookSecret(SECRET);
    expect(
      parsed.ok && parsed.key.equals(Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64')),
    ).toBe(true);
  });

  it('names what is wrong with a malformed secret', () => {
    expect(parseWebhookSecret(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(parseWebhookSecret('  ')).toEqual({ ok: false, reason: 'missing' });
    expect(parseWebhookSecret('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toEqual({
      ok: false,
      reason: 'prefix',
    });
    expect(parseWebhookSecret('whsec_MfKQ9r8GKYqr*wjUPD8ILPZIo2LaLaSw')).toEqual({
      ok: false,
      reason: 'base64',
    });
    expect(parseWebhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS')).toEqual({
      ok: false,
      reason: 'base64',
    });
    expect(parseWebhookSecret('whsec_c2hvcnQ=')).toEqual({ ok: false, reason: 'length' });
    expect(parseWebhookSecret(`whsec_${Buffer.alloc(65).toString('base64')}`)).toEqual({
      ok: false,
      reason: 'length',
    });
  });
});
