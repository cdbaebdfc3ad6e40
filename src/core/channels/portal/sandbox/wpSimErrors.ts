/** A WordPress error as the simulator raises it and answers it: `{code, message, data}`. */
export class WpError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly data: Record<string, unknown> | null;
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    data: Record<string, unknown> | null = { status },
    extra: Record<string, unknown> = {},
  ) {
    this.status = status;
    this.code = code;
    this.message = message;
    this.data = data;
    this.extra = extra;
  }
}

/** rest_invalid_param, collected over several parameters as WordPress reports them. */
export class Invalid {
  private readonly params: Record<string, string> = {};
  private readonly details: Record<string, unknown> = {};

  add(
    name: string,
    code: string,
    message: string,
    data: Record<string, unknown> | null = null,
  ): this {
    this.params[name] = message;
    this.details[name] = { code, message, data };
    return this;
  }

  throwIfAny(): void {
    const names = Object.keys(this.params);
    if (names.length === 0) return;
    throw new WpError(400, 'rest_invalid_param', `Invalid parameter(s): ${names.join(', ')}`, {
      status: 400,
      params: this.params,
      details: this.details,
    });
  }
}
