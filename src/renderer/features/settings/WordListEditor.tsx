import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import type { WordListEntry, WordListView } from '../../../shared/content/wordListSchema.ts';
import { asClientError, type ClientError } from '../../api/clientError.ts';
import { useApiQuery } from '../../api/useApiQuery.ts';
import { useClient } from '../../api/useClient.ts';
import { ErrorAlert } from '../../app/errors/ErrorAlert.tsx';
import { useT } from '../../app/i18n/useT.ts';

type Row = { key: number; term: string; severity: 'block' | 'warn'; correct: string; note: string };

const toRows = (entries: readonly WordListEntry[]): Row[] =>
  entries.map((e, key) => ({
    key,
    term: e.term,
    severity: e.severity,
    correct: e.correct ?? '',
    note: e.note ?? '',
  }));

const toEntries = (rows: readonly Row[]): WordListEntry[] =>
  rows.map((r) => ({
    term: r.term.trim(),
    severity: r.severity,
    ...(r.correct.trim() ? { correct: r.correct.trim() } : {}),
    ...(r.note.trim() ? { note: r.note.trim() } : {}),
  }));

/**
 * The office's own sensitive and wrong expressions, added to the shipped list (an entry with
 * the same term replaces the shipped one). Saved as a whole; the store refuses duplicates and
 * a correct form that contains its own term, naming the entry.
 */
export function WordListEditor() {
  const t = useT();
  const query = useApiQuery('wordlist.get', {});
  if (query.data)
    return (
      <WordListTable
        key={JSON.stringify(query.data.custom)}
        view={query.data}
        onSaved={query.reload}
      />
    );
  if (query.error)
    return (
      <ErrorAlert error={query.error} title={t('wordlist.loadFailed')} onRetry={query.reload} />
    );
  return <Skeleton active />;
}

function WordListTable({ view, onSaved }: { view: WordListView; onSaved(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>(() => toRows(view.custom));
  const [nextKey, setNextKey] = useState(view.custom.length);
  const [error, setError] = useState<ClientError | undefined>();
  const [saving, setSaving] = useState(false);
  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function save() {
    setSaving(true);
    try {
      await client.call('wordlist.set', {
        entries: toEntries(rows.filter((r) => r.term.trim() !== '')),
      });
      setError(undefined);
      void message.success(t('wordlist.saved'));
      onSaved();
    } catch (caught) {
      setError(asClientError(caught, 'wordlist.set'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('wordlist.hint', {
          count: view.shipped.count,
          version: view.shipped.version,
          date: view.shipped.updatedAt,
        })}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} title={t('wordlist.saveFailed')} /> : null}
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <span style={{ color: '#595959' }}>{t('wordlist.empty')}</span> }}
        columns={[
          {
            key: 'term',
            title: t('wordlist.term'),
            render: (_, r) => (
              <Input
                aria-label={t('wordlist.term')}
                value={r.term}
                maxLength={50}
                onChange={(e) => update(r.key, { term: e.target.value })}
              />
            ),
          },
          {
            key: 'severity',
            title: t('wordlist.severity'),
            width: 140,
            render: (_, r) => (
              <Select<'block' | 'warn'>
                aria-label={t('wordlist.severity')}
                value={r.severity}
                style={{ width: '100%' }}
                onChange={(severity) => update(r.key, { severity })}
                options={[
                  { value: 'block', label: t('checks.severity.block') },
                  { value: 'warn', label: t('checks.severity.warn') },
                ]}
              />
            ),
          },
          {
            key: 'correct',
            title: t('wordlist.correct'),
            render: (_, r) => (
              <Input
                aria-label={t('wordlist.correct')}
                value={r.correct}
                maxLength={100}
                onChange={(e) => update(r.key, { correct: e.target.value })}
              />
            ),
          },
          {
            key: 'note',
            title: t('wordlist.note'),
            render: (_, r) => (
              <Input
                aria-label={t('wordlist.note')}
                value={r.note}
                maxLength={300}
                onChange={(e) => update(r.key, { note: e.target.value })}
              />
            ),
          },
          {
            key: 'remove',
            width: 56,
            render: (_, r) => (
              <Button
                aria-label={t('wordlist.remove', { term: r.term })}
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
      <Flex gap={8}>
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => {
            setRows((all) => [
              ...all,
              { key: nextKey, term: '', severity: 'warn', correct: '', note: '' },
            ]);
            setNextKey((k) => k + 1);
          }}
        >
          {t('wordlist.add')}
        </Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('wordlist.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
