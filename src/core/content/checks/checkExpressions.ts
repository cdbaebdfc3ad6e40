import type { FieldText } from '../../../shared/content/checkedField.ts';
import { FIELD_LABELS } from '../../../shared/content/checkedField.ts';
import type { CompiledWordList } from './compileWordList.ts';
import type { Finding, Location } from '../../../shared/content/finding.ts';
import { findExpressions, type ExpressionHit } from './findExpressions.ts';

function finding(
  hit: ExpressionHit,
  location: Location,
  where: { zh: string; en: string },
): Finding {
  const { entry, matched } = hit;
  const note = entry.note ? `说明：${entry.note}` : '';
  const message = entry.correct
    ? {
        zh: `${where.zh}中的“${matched}”是不规范的表述，请改为“${entry.correct}”。${note}`,
        en: `"${matched}" in the ${where.en} is not the standard expression: replace it with "${entry.correct}".`,
      }
    : {
        zh: `${where.zh}中的“${matched}”不宜在正式发布中使用，请修改或删除。${note}`,
        en: `"${matched}" in the ${where.en} must not appear in an official release: rephrase or remove it.`,
      };
  return {
    checkId: 'expression',
    severity: entry.severity,
    location,
    message,
    ...(entry.correct ? { suggestion: entry.correct } : {}),
  };
}

/** Word-list findings for the body blocks (plainTextBlocks) and the text fields. */
export function checkExpressions(
  input: { blocks: readonly string[]; fields: readonly FieldText[] },
  compiled: CompiledWordList,
): Finding[] {
  const findings: Finding[] = [];
  input.blocks.forEach((block, blockIndex) => {
    for (const hit of findExpressions(block, compiled))
      findings.push(
        finding(
          hit,
          { kind: 'body', blockIndex, start: hit.start, end: hit.end },
          { zh: '正文', en: 'body' },
        ),
      );
  });
  for (const { field, text } of input.fields)
    for (const hit of findExpressions(text, compiled))
      findings.push(
        finding(hit, { kind: 'field', field, start: hit.start, end: hit.end }, FIELD_LABELS[field]),
      );
  return findings;
}
