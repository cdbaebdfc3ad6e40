/** Ends an exhaustive switch: the compiler rejects the call when a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
