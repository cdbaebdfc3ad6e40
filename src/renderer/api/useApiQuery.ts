import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract.ts';
import { asClientError, type ClientError } from './clientError.ts';
import { useClient } from './useClient.ts';

export interface QueryState<T> {
  /** The value of the latest request that succeeded; kept while a newer one is under way. */
  data: T | undefined;
  /** The failure of the latest finished request, undefined when it succeeded. */
  error: ClientError | undefined;
  /** True until the request for the current input (and generation) has finished. */
  loading: boolean;
  /** Asks again with the same input (after an event, or the user's "retry"). */
  reload(): void;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: ClientError | undefined;
}

/**
 * Loads `method(input)` and loads it again whenever the input changes (compared as JSON, the
 * form it travels in) or reload() is called. Answers from superseded requests are dropped,
 * so a slow early answer never overwrites a later one.
 */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
): QueryState<ApiOutput<M>> {
  const client = useClient();
  const inputJson = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const key = `${method}\n${inputJson}\n${generation}`;
  const [settled, setSettled] = useState<Settled<ApiOutput<M>>>();

  useEffect(() => {
    let current = true;
    const requestKey = `${method}\n${inputJson}\n${generation}`;
    client.call(method, JSON.parse(inputJson) as ApiInput<M>).then(
      (data) => {
        if (current) setSettled({ key: requestKey, data, error: undefined });
      },
      (error: unknown) => {
        if (current) {
          setSettled((previous) => ({
            key: requestKey,
            data: previous?.data,
            error: asClientError(error, method),
          }));
        }
      },
    );
    return () => {
      current = false;
    };
  }, [client, method, inputJson, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return {
    data: settled?.data,
    error: settled?.key === key ? settled.error : undefined,
    loading: settled?.key !== key,
    reload,
  };
}
