/**
 * Faults a sandbox channel plays before (or instead of) answering, so the adapters and the
 * outbox can be tested against what real channels do on bad days. Each rule matches requests
 * by method and path prefix and applies `times` times (default once), in order.
 */
export type Fault =
  /** Wait before answering (the request is still handled). */
  | { kind: 'delay'; ms: number }
  /** Answer with this status and body without handling the request. */
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  /** 429 with Retry-After (seconds), without handling the request. */
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  /** Close the connection before handling: nothing was done. */
  | { kind: 'reset-before' }
  /** Handle the request (its effect is committed), then close the connection unanswered. */
  | { kind: 'reset-after-commit' }
  /** Handle the request, then answer with a body that is not valid JSON. */
  | { kind: 'malformed-json' }
  /** Handle the request, then send only the first half of the reply and close. */
  | { kind: 'truncate' }
  /** Answer with an HTML error page (a proxy's), without handling the request. */
  | { kind: 'html-error'; status?: number }
  /** Invalidate the channel's tokens, then handle the request (which then sees an expired token). */
  | { kind: 'expire-token' };

export interface FaultRule {
  method?: string;
  /** Matches when the request path starts with this (query excluded). */
  path?: string;
  times?: number;
  fault: Fault;
}

/** The active rules of one simulator; `take` consumes one use of the first matching rule. */
export class FaultScript {
  private rules: Array<FaultRule & { left: number }> = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule, left: rule.times ?? 1 }));
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
  }

  take(method: string, path: string): Fault | undefined {
    const rule = this.rules.find(
      (r) =>
        r.left > 0 &&
        (r.method === undefined || r.method === method) &&
        (r.path === undefined || path.startsWith(r.path)),
    );
    if (!rule) return undefined;
    rule.left--;
    return rule.fault;
  }
}
