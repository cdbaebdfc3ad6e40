import { Alert, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  missingFields,
  type DocumentMeta,
  type InterpretedPolicy,
  type MetaField,
} from '../../../../shared/domain/documentMeta.ts';
import type { MessageKey } from '../../../app/i18n/messageKey.ts';
import { useT } from '../../../app/i18n/useT.ts';
import { PolicyDraftSelect } from './PolicyDraftSelect.tsx';
import { CoverPicker } from './CoverPicker.tsx';
import { TagsInput } from './TagsInput.tsx';

interface Props {
  meta: DocumentMeta;
  /** The draft itself, which a policy interpretation cannot name as its own policy. */
  draftId: string;
  onChange(meta: DocumentMeta): void;
  importImage(file: File): Promise<{ hash: string }>;
}

const MISSING_LABEL: Record<MetaField, MessageKey> = {
  'policy.title': 'meta.policyTitle',
  'policy.documentNumber': 'meta.policyNumber',
  'policy.url': 'meta.policyUrl',
  deadline: 'meta.deadline',
  howToRespond: 'meta.howToRespond',
};

/**
 * The fields around the body: the ones every release has, then its kind's own (the policy a
 * 政策解读 explains; a consultation's deadline and how to respond). What the kind still needs
 * before review is listed at the top.
 */
export function DraftMetaForm({ meta, draftId, onChange, importImage }: Props) {
  const t = useT();
  const set = (patch: Partial<DocumentMeta>) => onChange({ ...meta, ...patch } as DocumentMeta);
  const missing = missingFields(meta);
  const [coverError, setCoverError] = useState<string | undefined>();

  return (
    <Form layout="vertical" requiredMark={false} aria-label={t('meta.heading')}>
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('meta.missing', { fields: missing.map((f) => t(MISSING_LABEL[f])).join('、') })}
        />
      ) : null}

      {meta.kind === 'policy_interpretation' ? (
        <PolicyFields
          policy={meta.policy}
          draftId={draftId}
          onChange={(policy) => set({ policy })}
        />
      ) : null}
      {meta.kind === 'consultation' ? (
        <>
          <Form.Item label={t('meta.deadline')} htmlFor="pd-meta-deadline">
            <DatePicker
              id="pd-meta-deadline"
              value={meta.deadline ? dayjs(meta.deadline) : null}
              onChange={(value) => set({ deadline: value ? value.format('YYYY-MM-DD') : null })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            label={t('meta.howToRespond')}
            htmlFor="pd-meta-respond"
            extra={t('meta.howToRespondHint')}
          >
            <Input.TextArea
              id="pd-meta-respond"
              value={meta.howToRespond}
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => set({ howToRespond: e.target.value })}
            />
          </Form.Item>
        </>
      ) : null}

      <Form.Item label={t('meta.subtitle')} htmlFor="pd-meta-subtitle">
        <Input
          id="pd-meta-subtitle"
          value={meta.subtitle}
          maxLength={200}
          onChange={(e) => set({ subtitle: e.target.value })}
        />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item label={t('meta.source')} htmlFor="pd-meta-source" style={{ flex: 1 }}>
          <Input
            id="pd-meta-source"
            value={meta.source}
            maxLength={100}
            onChange={(e) => set({ source: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('meta.author')} htmlFor="pd-meta-author" style={{ flex: 1 }}>
          <Input
            id="pd-meta-author"
            value={meta.author}
            maxLength={100}
            onChange={(e) => set({ author: e.target.value })}
          />
        </Form.Item>
      </Flex>
      <Form.Item label={t('meta.issuingUnit')} htmlFor="pd-meta-unit">
        <Input
          id="pd-meta-unit"
          value={meta.issuingUnit}
          maxLength={100}
          onChange={(e) => set({ issuingUnit: e.target.value })}
        />
      </Form.Item>
      <Form.Item
        label={t('meta.keywords')}
        htmlFor="pd-meta-keywords"
        extra={t('meta.keywordsHint')}
      >
        <TagsInput
          id="pd-meta-keywords"
          value={meta.keywords}
          onChange={(keywords) => set({ keywords })}
        />
      </Form.Item>
      <Form.Item label={t('meta.summary')} htmlFor="pd-meta-summary">
        <Input.TextArea
          id="pd-meta-summary"
          value={meta.summary}
          maxLength={500}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          onChange={(e) => set({ summary: e.target.value })}
        />
      </Form.Item>
      <Form.Item
        label={t('meta.cover')}
        {...(coverError ? { validateStatus: 'error' as const, help: coverError } : {})}
      >
        <CoverPicker
          value={meta.coverImage}
          onChange={(coverImage) => set({ coverImage })}
          importImage={importImage}
          onError={setCoverError}
          emptyText={t('meta.noCover')}
          label={t('meta.cover')}
        />
      </Form.Item>
    </Form>
  );
}

function PolicyFields({
  policy,
  draftId,
  onChange,
}: {
  policy: InterpretedPolicy;
  draftId: string;
  onChange(p: InterpretedPolicy): void;
}) {
  const t = useT();
  return (
    <fieldset className="pd-fieldset">
      <legend>{t('meta.policyHeading')}</legend>
      <Form.Item>
        <Radio.Group
          value={policy.source}
          aria-label={t('meta.policySource')}
          onChange={(e) =>
            onChange(
              e.target.value === 'draft'
                ? { source: 'draft', draftId: '' }
                : { source: 'published', title: '', documentNumber: '', url: '' },
            )
          }
          options={[
            { value: 'published', label: t('meta.policyPublished') },
            { value: 'draft', label: t('meta.policyDraft') },
          ]}
        />
      </Form.Item>
      {policy.source === 'published' ? (
        <>
          <Form.Item label={t('meta.policyTitle')} htmlFor="pd-meta-policy-title">
            <Input
              id="pd-meta-policy-title"
              value={policy.title}
              maxLength={200}
              onChange={(e) => onChange({ ...policy, title: e.target.value })}
            />
          </Form.Item>
          <Form.Item
            label={t('meta.policyNumber')}
            htmlFor="pd-meta-policy-number"
            extra={t('meta.policyNumberHint')}
          >
            <Input
              id="pd-meta-policy-number"
              value={policy.documentNumber}
              maxLength={60}
              onChange={(e) => onChange({ ...policy, documentNumber: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('meta.policyUrl')} htmlFor="pd-meta-policy-url">
            <Input
              id="pd-meta-policy-url"
              type="url"
              value={policy.url}
              placeholder="https://"
              onChange={(e) => onChange({ ...policy, url: e.target.value })}
            />
          </Form.Item>
        </>
      ) : (
        <Form.Item label={t('meta.policyDraftPick')} htmlFor="pd-meta-policy-draft">
          <PolicyDraftSelect
            id="pd-meta-policy-draft"
            value={policy.draftId || undefined}
            excludeId={draftId}
            onChange={(id) => onChange({ source: 'draft', draftId: id })}
          />
        </Form.Item>
      )}
    </fieldset>
  );
}
