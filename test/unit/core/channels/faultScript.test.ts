import { describe, expect, it } from 'vitest';
import { FaultScript } from '../../../../src/core/channels/sandbox/faultScript.ts';

describe('FaultScript', () => {
  it('applies the first matching rule, as many times as it says, then lets requests through', () => {
    const script = new FaultScript();
    script.set([
      {
        method: 'POST',
        path: '/cgi-bin/freepublish/submit',
        times: 2,
        fault: { kind: 'reset-after-commit' },
      },
      { path: '/cgi-bin', fault: { kind: 'status', status: 500 } },
    ]);
    expect(script.take('GET', '/other')).toBeUndefined();
    expect(script.take('POST', '/cgi-bin/freepublish/submit')?.kind).toBe('reset-after-commit');
    expect(script.take('POST', '/cgi-bin/freepublish/submit')?.kind).toBe('reset-after-commit');
    expect(script.take('POST', '/cgi-bin/freepublish/submit')?.kind).toBe('status');
    expect(script.take('POST', '/cgi-bin/freepublish/submit')).toBeUndefined();
  });

  it('clears every rule', () => {
    const script = new FaultScript();
    script.add({ fault: { kind: 'delay', ms: 5 } });
    script.clear();
    expect(script.take('GET', '/')).toBeUndefined();
  });
});
