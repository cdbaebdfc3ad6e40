import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { mergeRegister } from '@lexical/utils';
import { Popover } from 'antd';
import {
  $getNodeByKey,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
  type NodeKey,
} from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { mediaUrl } from '../../../../shared/domain/media.ts';
import { useEditorText } from '../../i18n/useEditorText.ts';
import { AltTextForm } from './AltTextForm.tsx';
import { $isImageNode } from './ImageNode.tsx';

interface ImageViewProps {
  nodeKey: NodeKey;
  mediaHash: string;
  altText: string;
  width: number | null;
  height: number | null;
}

/**
 * How an image looks in the editor: the library image at its intrinsic size (never wider than
 * the page), a badge when it has no alternative text, and a popover to edit that text, opened
 * by a click or, once the image is selected with the arrow keys, by Enter.
 */
export function ImageView({ nodeKey, mediaHash, altText, width, height }: ImageViewProps) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const t = useEditorText();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [editing, setEditing] = useState(false);
  const [failed, setFailed] = useState(false);
  const frameRef = useRef<HTMLSpanElement>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            const frame = frameRef.current;
            if (!frame || !(event.target instanceof Node) || !frame.contains(event.target)) {
              return false;
            }
            if (!event.shiftKey) clearSelection();
            setSelected(true);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            if (!isSelected || !editor.isEditable()) return false;
            event?.preventDefault();
            setEditing(true);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, isSelected, setSelected, clearSelection],
  );

  const save = (text: string) => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setAltText(text);
    });
    setEditing(false);
  };

  const close = () => {
    setEditing(false);
    editor.focus();
  };

  const missingAlt = altText.trim() === '';
  const label = missingAlt ? t('image.labelNoAlt') : t('image.label', { alt: altText });
  const frame = (
    <span
      ref={frameRef}
      className="pd-ed-image-frame"
      data-selected={isSelected}
      data-missing-alt={missingAlt}
      title={editable ? t('image.editAlt') : altText}
    >
      {failed ? (
        <span
          className="pd-ed-image-unavailable"
          role="img"
          aria-label={label}
          style={{ aspectRatio: width && height ? `${width} / ${height}` : undefined }}
        >
          {t('image.unavailable')}
        </span>
      ) : (
        <img
          src={mediaUrl(mediaHash)}
          alt={label}
          width={width ?? undefined}
          height={height ?? undefined}
          draggable={false}
          onError={() => setFailed(true)}
        />
      )}
      {missingAlt && (
        <span className="pd-ed-image-badge" aria-hidden="true">
          {t('image.missingAlt')}
        </span>
      )}
    </span>
  );

  if (!editable) return frame;
  return (
    <Popover
      open={editing}
      onOpenChange={setEditing}
      trigger="click"
      placement="bottomLeft"
      title={t('image.altTitle')}
      destroyOnHidden
      content={<AltTextForm initialValue={altText} onSave={save} onCancel={close} />}
    >
      {frame}
    </Popover>
  );
}
