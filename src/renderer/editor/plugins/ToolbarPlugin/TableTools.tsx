import {
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  InsertRowAboveOutlined,
  InsertRowBelowOutlined,
  InsertRowLeftOutlined,
  InsertRowRightOutlined,
} from '@ant-design/icons';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findTableNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
} from '@lexical/table';
import { $getSelection, $isRangeSelection } from 'lexical';
import { useEditorText } from '../../i18n/useEditorText.ts';
import { ToolButton } from './ToolButton.tsx';

/** Rows and columns of the table the caret is in; shown only then. */
export function TableTools({
  withShortcut,
}: {
  withShortcut: (label: string, s: string) => string;
}) {
  const [editor] = useLexicalComposerContext();
  const t = useEditorText();
  const run = (change: () => void) => editor.update(change);
  const deleteTable = () =>
    run(() => {
      const selection = $getSelection();
      const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : null;
      const table = anchor ? $findTableNode(anchor) : null;
      if (!table) return;
      const next = table.getNextSibling() ?? table.getPreviousSibling();
      table.remove();
      next?.selectStart();
    });
  const tools = [
    {
      key: 'rowAbove',
      icon: <InsertRowAboveOutlined aria-hidden />,
      run: () => run(() => void $insertTableRowAtSelection(false)),
    },
    {
      key: 'rowBelow',
      icon: <InsertRowBelowOutlined aria-hidden />,
      run: () => run(() => void $insertTableRowAtSelection(true)),
    },
    {
      key: 'columnLeft',
      icon: <InsertRowLeftOutlined aria-hidden />,
      run: () => run(() => void $insertTableColumnAtSelection(false)),
    },
    {
      key: 'columnRight',
      icon: <InsertRowRightOutlined aria-hidden />,
      run: () => run(() => void $insertTableColumnAtSelection(true)),
    },
    {
      key: 'deleteRow',
      icon: <DeleteRowOutlined aria-hidden />,
      run: () => run($deleteTableRowAtSelection),
    },
    {
      key: 'deleteColumn',
      icon: <DeleteColumnOutlined aria-hidden />,
      run: () => run($deleteTableColumnAtSelection),
    },
    { key: 'delete', icon: <DeleteOutlined aria-hidden />, run: deleteTable },
  ] as const;
  return (
    <span className="pd-ed-toolbar-group" role="group" aria-label={t('toolbar.tableTools')}>
      {tools.map((tool) => (
        <ToolButton
          key={tool.key}
          label={t(`table.${tool.key}`)}
          icon={tool.icon}
          onClick={tool.run}
          withShortcut={withShortcut}
        />
      ))}
    </span>
  );
}
