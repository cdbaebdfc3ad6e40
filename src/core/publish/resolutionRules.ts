import type { Resolution } from '../../shared/publish/publication.ts';
import type { PublicationState } from '../../shared/publish/publicationState.ts';
import { DeskError } from '../errors.ts';

/** Which resolution each state allows (publication.ts, ResolutionSchema). */
export const RESOLUTIONS: Readonly<Record<Resolution['kind'], readonly PublicationState[]>> = {
  'mark-published': ['unknown'],
  'send-now': ['unknown', 'failed', 'needs_reauth', 'missed'],
  cancel: ['scheduled', 'queued', 'retrying', 'failed', 'missed', 'needs_reauth'],
};

/** States as a sentence names them. */
const STATE_WORDS: Readonly<Record<PublicationState, string>> = {
  scheduled: 'scheduled',
  queued: 'queued to be sent',
  sending: 'being sent right now',
  publishing: 'being published by the channel',
  retrying: 'waiting to be retried',
  reconciling: 'being checked with the channel',
  published: 'already published',
  failed: 'failed',
  needs_reauth: 'waiting for the account to be authorised again',
  unknown: 'of unknown outcome',
  missed: 'missed',
  cancelled: 'cancelled',
  retracted: 'retracted',
};

/** What a resolution does, as a sentence says it. */
const RESOLUTION_WORDS: Readonly<Record<Resolution['kind'], string>> = {
  'mark-published': 'marked as published',
  'send-now': 'sent now',
  cancel: 'cancelled',
};

/** Whether a person may take this decision on a publication in this state. */
export function allowsResolution(state: PublicationState, kind: Resolution['kind']): boolean {
  return RESOLUTIONS[kind].includes(state);
}

/** The refusal of a decision the state does not allow, naming the state. */
export function refusedResolution(state: PublicationState, kind: Resolution['kind']): DeskError {
  return new DeskError(
    'refused',
    `This publication is ${STATE_WORDS[state]}, so it cannot be ${RESOLUTION_WORDS[kind]}.`,
  );
}

/** The refusal of a reschedule in a state other than scheduled or missed. */
export function refusedReschedule(state: PublicationState): DeskError {
  return new DeskError(
    'refused',
    `This publication is ${STATE_WORDS[state]}, so it cannot be rescheduled; only scheduled and missed ones can.`,
  );
}
