import {
  BoldOutlined,
  ClearOutlined,
  ItalicOutlined,
  LinkOutlined,
  MinusOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { Select } from 'antd';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  IS_APPLE,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useEditorText } from '../../i18n/useEditorText.ts';
import { useEditorNotices } from '../../notices/editorNotices.ts';
import { LINK_REL } from '../ModelGuardPlugin/registerModelGuard.ts';
import {
  $restoreSelection,
  saveSelection,
  type SavedSelection,
} from '../../shared/savedSelection.ts';
import { ACCEPT_ATTRIBUTE, imageFileProblem } from '../ImagePlugin/acceptedImage.ts';
import type { ImportedImage, ImportImage } from '../ImagePlugin/importImageFiles.ts';
import { insertImages } from '../ImagePlugin/insertImages.ts';
import { shortcutLabel } from '../ShortcutsPlugin/matchShortcut.ts';
import {
  type BlockType,
  clearFormatting,
  setBlockType,
  toggleList,
  toggleQuote,
} from './blockFormat.ts';
import { ImageDialog } from './ImageDialog.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { OPEN_LINK_DIALOG_COMMAND } from './openLinkDialogCommand.ts';
import { TableDialog } from './TableDialog.tsx';
import { TableTools } from './TableTools.tsx';
import { $findLink, useToolbarState } from './useToolbarState.ts';
import { ToolButton } from './ToolButton.tsx';
import { useRovingToolbar } from './useRovingToolbar.ts';

type Dialog =
  | { kind: 'none' }
  | { kind: 'link'; url: string; editing: boolean; at: SavedSelection }
  | { kind: 'table'; at: SavedSelection }
  | { kind: 'image'; file: File; upload: Promise<ImportedImage>; at: SavedSelection };

const key = (...keys: string[]) => shortcutLabel(keys, IS_APPLE);
const SHORTCUTS = {
  bold: key('Mod', 'B'),
  italic: key('Mod', 'I'),
  underline: key('Mod', 'U'),
  strikethrough: key('Mod', 'Shift', 'X'),
  bullet: key('Mod', 'Shift', '8'),
  number: key('Mod', 'Shift', '7'),
  link: key('Mod', 'K'),
  undo: key('Mod', 'Z'),
  redo: IS_APPLE ? key('Mod', 'Shift', 'Z') : `${key('Mod', 'Shift', 'Z')} / ${key('Mod', 'Y')}`,
  clear: key('Mod', '\\'),
  paragraph: key('Mod', 'Alt', '0'),
  h1: key('Mod', 'Alt', '1'),
  h2: key('Mod', 'Alt', '2'),
  h3: key('Mod', 'Alt', '3'),
  h4: key('Mod', 'Alt', '4'),
};

/**
 * The formatting toolbar (role=toolbar, one tab stop, arrow keys between controls). Every
 * control is named, titled with its shortcut, and toggles say whether they are on. It owns the
 * link, table and image dialogs, and the table tools while the caret is in a table.
 */
export function ToolbarPlugin({
  importImage,
  editorId,
}: {
  importImage: ImportImage;
  editorId: string;
}) {
  const [editor] = useLexicalComposerContext();
  const t = useEditorText();
  const notices = useEditorNotices();
  const state = useToolbarState();
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const toolbarRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  useRovingToolbar(toolbarRef);
  const withShortcut = useCallback(
    (label: string, shortcut: string) => t('toolbar.withShortcut', { label, shortcut }),
    [t],
  );

  const openLinkDialog = useCallback(() => {
    const info = editor.read('pending', () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return null;
      const link = $findLink(selection.anchor.getNode());
      return {
        url: link?.getURL() ?? '',
        collapsed: selection.isCollapsed(),
        inLink: link !== null,
      };
    });
    if (!info) return;
    if (!info.inLink && info.collapsed) {
      notices.notify('info', t('link.needsSelection'));
      return;
    }
    setDialog({ kind: 'link', url: info.url, editing: info.inLink, at: saveSelection(editor) });
  }, [editor, notices, t]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_DIALOG_COMMAND,
        () => {
          openLinkDialog();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, openLinkDialog],
  );

  const closeDialog = () => {
    setDialog({ kind: 'none' });
    editor.focus();
  };

  const applyLink = (url: string | null, at: SavedSelection) => {
    editor.update(() => {
      $restoreSelection(at);
      editor.dispatchCommand(
        TOGGLE_LINK_COMMAND,
        url === null ? null : { url, rel: LINK_REL, target: null },
      );
      // Writing goes on after the link, not over it.
      const selection = $getSelection();
      if ($isRangeSelection(selection) && !selection.isCollapsed()) {
        const end = selection.isBackward() ? selection.anchor : selection.focus;
        selection.anchor.set(end.key, end.offset, end.type);
        selection.focus.set(end.key, end.offset, end.type);
      }
    });
    closeDialog();
  };

  const pickImage = (file: File | undefined) => {
    if (!file) return;
    const problem = imageFileProblem(file);
    if (problem !== null) {
      notices.notify(
        'error',
        t(problem === 'wrongType' ? 'image.wrongType' : 'image.tooLarge', { name: file.name }),
      );
      return;
    }
    const upload = importImage(file);
    upload.catch(() => undefined); // shown by the dialog; not an unhandled rejection meanwhile
    setDialog({ kind: 'image', file, upload, at: saveSelection(editor) });
  };

  const blockValue: BlockType = state.blockType;
  const blockOptions = [
    {
      value: 'paragraph',
      label: t('block.paragraph'),
      title: withShortcut(t('block.paragraph'), SHORTCUTS.paragraph),
    },
    { value: 'h1', label: t('block.h1'), title: withShortcut(t('block.h1'), SHORTCUTS.h1) },
    { value: 'h2', label: t('block.h2'), title: withShortcut(t('block.h2'), SHORTCUTS.h2) },
    { value: 'h3', label: t('block.h3'), title: withShortcut(t('block.h3'), SHORTCUTS.h3) },
    { value: 'h4', label: t('block.h4'), title: withShortcut(t('block.h4'), SHORTCUTS.h4) },
    ...(blockValue === 'h5' || blockValue === 'h6'
      ? [
          {
            value: blockValue,
            label: t(`block.${blockValue}`),
            title: t(`block.${blockValue}`),
            disabled: true,
          },
        ]
      : []),
  ];
  const selectValue =
    blockValue === 'quote' || blockValue === 'bullet' || blockValue === 'number'
      ? 'paragraph'
      : blockValue;

  return (
    <>
      <div
        ref={toolbarRef}
        className="pd-ed-toolbar"
        role="toolbar"
        aria-label={t('toolbar.label')}
        aria-controls={editorId}
      >
        <span data-toolbar-item="" title={t('toolbar.blockType')}>
          <Select
            className="pd-ed-block-select"
            aria-label={t('toolbar.blockType')}
            value={selectValue}
            options={blockOptions}
            popupMatchSelectWidth={false}
            onChange={(value: string) => {
              if (
                value === 'paragraph' ||
                value === 'h1' ||
                value === 'h2' ||
                value === 'h3' ||
                value === 'h4'
              ) {
                setBlockType(editor, value);
                editor.focus();
              }
            }}
          />
        </span>
        <span className="pd-ed-toolbar-sep" aria-hidden="true" />
        <ToolButton
          label={t('format.bold')}
          shortcut={SHORTCUTS.bold}
          pressed={state.bold}
          icon={<BoldOutlined aria-hidden />}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('format.italic')}
          shortcut={SHORTCUTS.italic}
          pressed={state.italic}
          icon={<ItalicOutlined aria-hidden />}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('format.underline')}
          shortcut={SHORTCUTS.underline}
          pressed={state.underline}
          icon={<UnderlineOutlined aria-hidden />}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline')}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('format.strikethrough')}
          shortcut={SHORTCUTS.strikethrough}
          pressed={state.strikethrough}
          icon={<StrikethroughOutlined aria-hidden />}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough')}
          withShortcut={withShortcut}
        />
        <span className="pd-ed-toolbar-sep" aria-hidden="true" />
        <ToolButton
          label={t('list.bullet')}
          shortcut={SHORTCUTS.bullet}
          pressed={state.blockType === 'bullet'}
          icon={<UnorderedListOutlined aria-hidden />}
          onClick={() => toggleList(editor, 'bullet', state.blockType)}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('list.number')}
          shortcut={SHORTCUTS.number}
          pressed={state.blockType === 'number'}
          icon={<OrderedListOutlined aria-hidden />}
          onClick={() => toggleList(editor, 'number', state.blockType)}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('block.quote')}
          pressed={state.blockType === 'quote'}
          disabled={state.inTable}
          icon={
            <span className="pd-ed-quote-icon" aria-hidden="true">
              “
            </span>
          }
          onClick={() => toggleQuote(editor, state.blockType)}
          withShortcut={withShortcut}
        />
        <span className="pd-ed-toolbar-sep" aria-hidden="true" />
        <ToolButton
          label={t('link.button')}
          shortcut={SHORTCUTS.link}
          pressed={state.inLink}
          icon={<LinkOutlined aria-hidden />}
          onClick={openLinkDialog}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('image.button')}
          icon={<PictureOutlined aria-hidden />}
          onClick={() => fileRef.current?.click()}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('table.button')}
          disabled={state.inTable}
          icon={<TableOutlined aria-hidden />}
          onClick={() => setDialog({ kind: 'table', at: saveSelection(editor) })}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('insert.horizontalRule')}
          disabled={state.inTable}
          icon={<MinusOutlined aria-hidden />}
          onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}
          withShortcut={withShortcut}
        />
        <span className="pd-ed-toolbar-sep" aria-hidden="true" />
        <ToolButton
          label={t('history.undo')}
          shortcut={SHORTCUTS.undo}
          disabled={!state.canUndo}
          icon={<UndoOutlined aria-hidden />}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('history.redo')}
          shortcut={SHORTCUTS.redo}
          disabled={!state.canRedo}
          icon={<RedoOutlined aria-hidden />}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
          withShortcut={withShortcut}
        />
        <ToolButton
          label={t('format.clear')}
          shortcut={SHORTCUTS.clear}
          icon={<ClearOutlined aria-hidden />}
          onClick={() => clearFormatting(editor)}
          withShortcut={withShortcut}
        />
        {state.inTable && (
          <>
            <span className="pd-ed-toolbar-sep" aria-hidden="true" />
            <TableTools withShortcut={withShortcut} />
          </>
        )}
        <input
          ref={fileRef}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            pickImage(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {dialog.kind === 'link' && (
        <LinkDialog
          initialUrl={dialog.url}
          editing={dialog.editing}
          onApply={(url) => applyLink(url, dialog.at)}
          onRemove={() => applyLink(null, dialog.at)}
          onCancel={closeDialog}
        />
      )}
      {dialog.kind === 'table' && (
        <TableDialog
          onInsert={(rows, columns) => {
            editor.update(() => {
              $restoreSelection(dialog.at);
              editor.dispatchCommand(INSERT_TABLE_COMMAND, {
                rows: String(rows),
                columns: String(columns),
                includeHeaders: { rows: true, columns: false },
              });
            });
            closeDialog();
          }}
          onCancel={closeDialog}
        />
      )}
      {dialog.kind === 'image' && (
        <ImageDialog
          file={dialog.file}
          upload={dialog.upload}
          onInsert={(image, altText) => {
            insertImages(
              editor,
              [{ mediaHash: image.hash, altText, width: image.width, height: image.height }],
              dialog.at,
            );
            closeDialog();
          }}
          onCancel={closeDialog}
        />
      )}
    </>
  );
}
