import { assertNever } from '../../../shared/assertNever.ts';
import { CHANNEL_IDS } from '../../../shared/content/channelId.ts';
import { CHECKED_FIELDS } from '../../../shared/content/checkedField.ts';
import { SEVERITIES, type Finding, type Location } from '../../../shared/content/finding.ts';

const KIND_ORDER: Record<Location['kind'], number> = { body: 0, field: 1, channel: 2 };

/** Numbers that order a location: body by block then offsets, fields and channels by their lists. */
function locationKey(location: Location): number[] {
  switch (location.kind) {
    case 'body':
      return [KIND_ORDER.body, location.blockIndex, location.start, location.end];
    case 'field':
      return [
        KIND_ORDER.field,
        CHECKED_FIELDS.indexOf(location.field),
        location.start ?? -1,
        location.end ?? -1,
      ];
    case 'channel':
      return [KIND_ORDER.channel, CHANNEL_IDS.indexOf(location.channel)];
    default:
      return assertNever(location, 'finding location');
  }
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The one order findings are shown in: body (document order), then fields (editor order),
 * then channels; within a place by checkId; then by severity and message, so that the order is
 * total and the same on every run whatever order the checks ran in.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const ka = locationKey(a.location);
  const kb = locationKey(b.location);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? -1) - (kb[i] ?? -1);
    if (d !== 0) return d;
  }
  return (
    byString(a.checkId, b.checkId) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    byString(a.message.en, b.message.en) ||
    byString(a.suggestion ?? '', b.suggestion ?? '')
  );
}
