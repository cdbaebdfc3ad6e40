import { Empty, Typography } from 'antd';
import type { RevisionComparison } from '../../../../shared/domain/draft.ts';
import { assertNever } from '../../../../shared/assertNever.ts';
import { useT } from '../../../app/i18n/useT.ts';

type Segments = RevisionComparison['title'];

function Marked({ segments }: { segments: Segments }) {
  return (
    <>
      {segments.map((s, i) => {
        switch (s.op) {
          case 'equal':
            return <span key={i}>{s.text}</span>;
          case 'insert':
            return (
              <ins key={i} className="pd-diff-ins">
                {s.text}
              </ins>
            );
          case 'delete':
            return (
              <del key={i} className="pd-diff-del">
                {s.text}
              </del>
            );
          default:
            return assertNever(s.op, 'diff op');
        }
      })}
    </>
  );
}

/** A comparison of two versions: insertions underlined in green, deletions struck in red. */
export function RevisionDiffView({ comparison }: { comparison: RevisionComparison }) {
  const t = useT();
  const titleChanged = comparison.title.some((s) => s.op !== 'equal');
  const bodyChanged = comparison.body.some((l) => l.kind !== 'equal');
  if (!titleChanged && !bodyChanged && comparison.fields.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('revisions.identical')} />;
  }
  return (
    <div className="pd-diff" data-testid="revision-diff">
      <Typography.Title level={4}>
        <Marked segments={comparison.title} />
      </Typography.Title>
      {comparison.fields.length > 0 ? (
        <dl className="pd-diff-fields">
          {comparison.fields.map((f) => (
            <div key={f.field}>
              <dt>{f.field}</dt>
              <dd>
                <del className="pd-diff-del">{f.before}</del>{' '}
                <ins className="pd-diff-ins">{f.after}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {comparison.body.map((line, i) => {
        switch (line.kind) {
          case 'equal':
            return (
              <p key={i} className="pd-diff-line">
                {line.text}
              </p>
            );
          case 'insert':
            return (
              <p key={i} className="pd-diff-line">
                <ins className="pd-diff-ins">{line.text}</ins>
              </p>
            );
          case 'delete':
            return (
              <p key={i} className="pd-diff-line">
                <del className="pd-diff-del">{line.text}</del>
              </p>
            );
          case 'change':
            return (
              <p key={i} className="pd-diff-line">
                <Marked segments={line.segments} />
              </p>
            );
          default:
            return assertNever(line, 'diff line');
        }
      })}
    </div>
  );
}
