import { useCallback, useEffect, useRef, useState } from 'react';
import type { Document } from '../../../../shared/document/nodes.ts';
import type { DocumentMeta } from '../../../../shared/domain/documentMeta.ts';
import type { Draft } from '../../../../shared/domain/draft.ts';
import { asClientError, type ClientError } from '../../../api/clientError.ts';
import { useClient } from '../../../api/useClient.ts';
import { autosaveDelay, retryDelay } from './autosaveSchedule.ts';

/** What the person is editing: the draft's working copy as it stands on this screen. */
export interface Working {
  title: string;
  meta: DocumentMeta;
  body: Document;
}

export type SaveState =
  | { kind: 'saved'; version: number; at: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** A save failed (connection, storage); it is retried by itself, the text stays here. */
  | { kind: 'retrying'; error: ClientError; inMs: number }
  /** Someone else saved first: autosave stops so nothing of theirs is overwritten. */
  | { kind: 'conflict'; error: ClientError }
  /** The store refused the content (e.g. a field too long): fix it, then it saves again. */
  | { kind: 'invalid'; error: ClientError };

type Field = keyof Working;

/**
 * Autosave of one draft: every change is saved within MAX_WAIT_MS (see autosaveSchedule),
 * one save at a time, carrying the version it builds on. Only the changed fields travel.
 * Contract: local edits are never dropped: on failure they stay on screen and in `working`,
 * and are saved by the retry, or shown for copying on a conflict.
 */
export function useDraftAutosave(draft: Draft, onRemoteNewer: () => void) {
  const client = useClient();
  const [working, setWorking] = useState<Working>({
    title: draft.title,
    meta: draft.meta,
    body: draft.body,
  });
  const [state, setState] = useState<SaveState>({
    kind: 'saved',
    version: draft.version,
    at: draft.updatedAt,
  });
  const workingRef = useRef(working);
  const versionRef = useRef(draft.version);
  const dirty = useRef(new Set<Field>());
  const firstUnsavedAt = useRef<number | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const failures = useRef(0);
  const stopped = useRef(false);
  /** The newest version announced by drafts.changed (ours included: our own saves echo back). */
  const announced = useRef(draft.version);
  const onNewer = useRef(onRemoteNewer);
  useEffect(() => {
    onNewer.current = onRemoteNewer;
  }, [onRemoteNewer]);

  /**
   * Takes someone else's newer version when nothing here is saving or waiting to be saved.
   * Our own save's echo can arrive before its reply: checked only once the reply is in, it
   * is not mistaken for another person's save.
   */
  const checkAnnounced = useCallback(() => {
    if (
      !inFlight.current &&
      dirty.current.size === 0 &&
      !stopped.current &&
      announced.current > versionRef.current
    ) {
      onNewer.current();
    }
  }, []);

  /** The current save, for the timers and the retry loop (which outlive a render). */
  const saveRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    if (stopped.current || dirty.current.size === 0) return;
    if (inFlight.current) {
      await inFlight.current;
      return saveRef.current();
    }
    const fields = [...dirty.current];
    dirty.current.clear();
    firstUnsavedAt.current = undefined;
    const snapshot = workingRef.current;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await client.call('drafts.save', {
          id: draft.id,
          baseVersion: versionRef.current,
          ...(fields.includes('title') ? { title: snapshot.title } : {}),
          ...(fields.includes('meta') ? { meta: snapshot.meta } : {}),
          ...(fields.includes('body') ? { body: snapshot.body } : {}),
        });
        versionRef.current = saved.version;
        failures.current = 0;
        setState(
          dirty.current.size > 0
            ? { kind: 'unsaved' }
            : { kind: 'saved', version: saved.version, at: saved.updatedAt },
        );
      } catch (caught) {
        const error = asClientError(caught, 'drafts.save');
        for (const field of fields) dirty.current.add(field);
        if (error.code === 'conflict') {
          stopped.current = true;
          setState({ kind: 'conflict', error });
        } else if (error.code === 'invalid_input') {
          setState({ kind: 'invalid', error });
        } else {
          failures.current += 1;
          const inMs = retryDelay(failures.current);
          setState({ kind: 'retrying', error, inMs });
          timer.current = setTimeout(() => void saveRef.current(), inMs);
        }
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = undefined;
    checkAnnounced();
    if (dirty.current.size > 0 && !stopped.current && !timer.current) {
      timer.current = setTimeout(
        () => void saveRef.current(),
        autosaveDelay(Date.now(), Date.now()),
      );
    }
  }, [client, draft.id, checkAnnounced]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (patch: Partial<Working>) => {
      const next = { ...workingRef.current, ...patch };
      workingRef.current = next;
      setWorking(next);
      for (const field of Object.keys(patch) as Field[]) dirty.current.add(field);
      if (stopped.current) return;
      const now = Date.now();
      firstUnsavedAt.current ??= now;
      setState((s) => (s.kind === 'saving' || s.kind === 'retrying' ? s : { kind: 'unsaved' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), autosaveDelay(now, firstUnsavedAt.current));
    },
    [save],
  );

  // Leaving the page (another route, closing the window) saves what is pending.
  useEffect(() => {
    const flush = () => void save();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [save]);

  return {
    working,
    state,
    /** The version the next save builds on (what the store has from this screen). */
    version: () => versionRef.current,
    update,
    /** Saves now what is pending (Ctrl+S, before a checkpoint or a restore). */
    flush: save,
    /** Whether edits wait to be saved. */
    hasUnsaved: () => dirty.current.size > 0,
    /** A drafts.changed event for this draft arrived with `version`. */
    announce: (version: number) => {
      announced.current = Math.max(announced.current, version);
      checkAnnounced();
    },
  };
}
