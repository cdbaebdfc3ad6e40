import { InputNumber, Modal } from 'antd';
import { useId, useState } from 'react';
import { useEditorText } from '../../i18n/useEditorText.ts';

interface TableDialogProps {
  onInsert: (rows: number, columns: number) => void;
  onCancel: () => void;
}

export const MAX_TABLE_ROWS = 100;
export const MAX_TABLE_COLUMNS = 20;

/** Rows × columns of a new table; its first row is the header row. */
export function TableDialog({ onInsert, onCancel }: TableDialogProps) {
  const t = useEditorText();
  const id = useId();
  const [rows, setRows] = useState(3);
  const [columns, setColumns] = useState(3);
  return (
    <Modal
      open
      title={t('table.insertTitle')}
      okText={t('table.insert')}
      cancelText={t('dialog.cancel')}
      onOk={() => onInsert(rows, columns)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div className="pd-ed-table-dialog">
        <label htmlFor={`${id}-rows`}>{t('table.rows')}</label>
        <InputNumber
          id={`${id}-rows`}
          autoFocus
          min={1}
          max={MAX_TABLE_ROWS}
          precision={0}
          value={rows}
          onChange={(value) => setRows(value ?? 1)}
        />
        <span aria-hidden="true">×</span>
        <label htmlFor={`${id}-columns`}>{t('table.columns')}</label>
        <InputNumber
          id={`${id}-columns`}
          min={1}
          max={MAX_TABLE_COLUMNS}
          precision={0}
          value={columns}
          onChange={(value) => setColumns(value ?? 1)}
        />
      </div>
      <p className="pd-ed-field-help">{t('table.headerNote')}</p>
    </Modal>
  );
}
