import { useEffect, useState } from 'react';
import type { DraftPreview } from '../../../../shared/content/preview.ts';
import { asClientError, type ClientError } from '../../../api/clientError.ts';
import { useClient } from '../../../api/useClient.ts';

/**
 * The channel previews and check findings of a draft, reloaded whenever `version` (the
 * version the store holds from this screen) changes. Answers for an older version than the
 * latest asked are dropped.
 */
export function useDraftPreview(
  id: string,
  version: number,
): { preview: DraftPreview | undefined; error: ClientError | undefined } {
  const client = useClient();
  const [state, setState] = useState<{
    preview: DraftPreview | undefined;
    error: ClientError | undefined;
  }>({ preview: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      client.call('drafts.preview', { id }).then(
        (preview) => current && setState({ preview, error: undefined }),
        (e: unknown) =>
          current &&
          setState((s) => ({ preview: s.preview, error: asClientError(e, 'drafts.preview') })),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, id, version]);
  return state;
}
