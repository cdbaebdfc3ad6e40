import { z } from 'zod';

/**
 * Where one publication (one release on one channel account) stands. The outbox moves it;
 * a person decides in the states marked "waits for a person".
 *
 *   scheduled ──due──▶ queued ──claimed──▶ sending ──▶ published
 *       │                 ▲                   │ ├──▶ publishing (the channel publishes
 *       │                 │                   │ │      asynchronously; status asked again)
 *       │                 └──── retrying ◀────┤ ├──▶ failed            (waits for a person)
 *       │                                     │ ├──▶ needs_reauth      (waits for a person)
 *       └─(passed while closed)─▶ missed      │ └──▶ unknown ──reconcile──▶ published /
 *                                (waits)      │                  queued / undetermined
 *                                             ▼                  (waits for a person)
 *   any state before `sending` ──cancel──▶ cancelled;  published ──retract──▶ retracted
 */
export const PUBLICATION_STATES = [
  /** Waiting for its time (or for the release it depends on). */
  'scheduled',
  /** Due: the dispatcher will send it as soon as the channel allows. */
  'queued',
  /** Claimed by the dispatcher, request in flight (held by a lease). */
  'sending',
  /** Accepted by the channel, which publishes asynchronously (WeChat): status is polled. */
  'publishing',
  /** Nothing reached the channel, or the channel said "later": sent again at next_attempt_at. */
  'retrying',
  /** The reply was lost: the channel is asked whether it landed before anything else. */
  'reconciling',
  /** Public on the channel (or accepted for its own scheduled time). */
  'published',
  /** Refused for good; the reason says what to do. */
  'failed',
  /** The account's credentials must be renewed; then it may be sent again. */
  'needs_reauth',
  /** It may or may not have landed and the channel cannot tell: a person decides. */
  'unknown',
  /** Its time passed while PressDesk was closed, by more than the window: a person decides. */
  'missed',
  /** Withdrawn by a person before it was sent. */
  'cancelled',
  /** Taken down from the channel (or marked taken down by hand) after publishing. */
  'retracted',
] as const;
export const PublicationStateSchema = z.enum(PUBLICATION_STATES);
export type PublicationState = z.infer<typeof PublicationStateSchema>;

/** States in which the dispatcher will act by itself (when due). */
export const ACTIVE_STATES = [
  'scheduled',
  'queued',
  'publishing',
  'retrying',
  'reconciling',
] as const satisfies readonly PublicationState[];

/** States that wait for a person's decision. */
export const WAITING_STATES = [
  'failed',
  'needs_reauth',
  'unknown',
  'missed',
] as const satisfies readonly PublicationState[];

/** States that are final (nothing more happens unless a person retracts or corrects). */
export const FINAL_STATES = [
  'published',
  'cancelled',
  'retracted',
] as const satisfies readonly PublicationState[];
