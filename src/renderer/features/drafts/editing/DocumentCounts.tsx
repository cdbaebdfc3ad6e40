import { Flex, Typography } from 'antd';
import { useDeferredValue, useMemo } from 'react';
import type { Document } from '../../../../shared/document/nodes.ts';
import { textMetrics } from '../../../../shared/document/textMetrics.ts';
import { useT } from '../../../app/i18n/useT.ts';

/**
 * Live counts of the body, as Chinese editors count: characters without spaces (字数),
 * paragraphs, images and the reading time. Deferred so counting never delays typing.
 */
export function DocumentCounts({ body }: { body: Document }) {
  const t = useT();
  const deferred = useDeferredValue(body);
  const m = useMemo(() => textMetrics(deferred), [deferred]);
  return (
    <Flex gap={16} wrap aria-label={t('counts.label')} role="group" data-testid="document-counts">
      <Typography.Text type="secondary">
        {t('counts.characters', { n: m.characters })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('counts.paragraphs', { n: m.paragraphs })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('counts.images', { n: m.images })}</Typography.Text>
      <Typography.Text type="secondary">
        {t('counts.reading', { n: m.readingMinutes })}
      </Typography.Text>
    </Flex>
  );
}
