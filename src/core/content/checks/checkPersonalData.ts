import { FIELD_LABELS, type FieldText } from '../../../shared/content/checkedField.ts';
import type { Finding, Location } from '../../../shared/content/finding.ts';
import { findPersonalData, type PersonalDataHit } from './findPersonalData.ts';

function finding(
  hit: PersonalDataHit,
  location: Location,
  where: { zh: string; en: string },
  confirmed: ReadonlySet<string>,
): Finding {
  if (confirmed.has(hit.key)) {
    const what =
      hit.kind === 'id-card'
        ? { zh: '居民身份证号码', en: 'resident ID card number' }
        : { zh: '手机号码', en: 'mobile number' };
    return {
      checkId: hit.kind === 'id-card' ? 'personal-data.id-card' : 'personal-data.mobile',
      severity: 'warn',
      location,
      message: {
        zh: `${where.zh}中的${what.zh}（尾号${hit.lastFour}）已确认可以公开。`,
        en: `The ${what.en} in the ${where.en} (ending ${hit.lastFour}) was confirmed as publishable.`,
      },
      personalData: { key: hit.key, confirmed: true },
    };
  }
  const message =
    hit.kind === 'id-card'
      ? {
          zh: `${where.zh}中有一个居民身份证号码（尾号${hit.lastFour}）。公开发布前请删除或作脱敏处理；确需公开的，须经审核人确认。`,
          en: `The ${where.en} contains a resident ID card number (ending ${hit.lastFour}). Remove or mask it before publishing, or have a reviewer confirm that it may be published.`,
        }
      : {
          zh: `${where.zh}中有一个手机号码（尾号${hit.lastFour}）。如非对外公开的工作电话，请删除或作脱敏处理；确需公开的，须经审核人确认。`,
          en: `The ${where.en} contains a mobile phone number (ending ${hit.lastFour}). Unless it is a public contact number, remove or mask it; otherwise have a reviewer confirm it.`,
        };
  return {
    checkId: hit.kind === 'id-card' ? 'personal-data.id-card' : 'personal-data.mobile',
    severity: 'confirm',
    location,
    message,
    personalData: { key: hit.key, confirmed: false },
  };
}

/** Personal data in the body blocks and text fields; severity `confirm`. */
export function checkPersonalData(input: {
  blocks: readonly string[];
  fields: readonly FieldText[];
  today: string;
  /** Numbers a person confirmed as publishable (meta.publicPersonalData). */
  confirmed?: ReadonlySet<string>;
}): Finding[] {
  const confirmed = input.confirmed ?? new Set<string>();
  const findings: Finding[] = [];
  input.blocks.forEach((block, blockIndex) => {
    for (const hit of findPersonalData(block, input.today))
      findings.push(
        finding(
          hit,
          { kind: 'body', blockIndex, start: hit.start, end: hit.end },
          { zh: '正文', en: 'body' },
          confirmed,
        ),
      );
  });
  for (const { field, text } of input.fields)
    for (const hit of findPersonalData(text, input.today))
      findings.push(
        finding(
          hit,
          { kind: 'field', field, start: hit.start, end: hit.end },
          FIELD_LABELS[field],
          confirmed,
        ),
      );
  return findings;
}
