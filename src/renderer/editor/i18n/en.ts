import type { EditorMessageKey } from './editorMessageKey.ts';

/**
 * The editor's texts in English. Typed as a Record over zh-CN's keys, so the compiler rejects
 * a missing or an extra key. Same `{name}` placeholders as zh-CN (a unit test checks them).
 */
export const en: Record<EditorMessageKey, string> = {
  'editor.label': 'Release body',
  'editor.placeholder': 'Type the body here, or paste it from Word, WPS or a web page…',
  'editor.loading': 'Loading the editor…',

  'toolbar.label': 'Body formatting',
  'toolbar.withShortcut': '{label} ({shortcut})',
  'toolbar.blockType': 'Paragraph style',
  'toolbar.tableTools': 'Table',

  'block.paragraph': 'Body text',
  'block.h1': 'Heading 1 (一、)',
  'block.h2': 'Heading 2 (（一）)',
  'block.h3': 'Heading 3 (1.)',
  'block.h4': 'Heading 4 (（1）)',
  'block.h5': 'Heading 5',
  'block.h6': 'Heading 6',

  'format.bold': 'Bold',
  'format.italic': 'Italic',
  'format.underline': 'Underline',
  'format.strikethrough': 'Strikethrough',
  'format.clear': 'Clear formatting',

  'list.bullet': 'Bulleted list',
  'list.number': 'Numbered list',
  'block.quote': 'Quote',
  'insert.horizontalRule': 'Horizontal rule',

  'history.undo': 'Undo',
  'history.redo': 'Redo',

  'link.button': 'Link',
  'link.insertTitle': 'Insert link',
  'link.editTitle': 'Edit link',
  'link.urlLabel': 'Address',
  'link.urlHelp': 'Starting with https://, http:// or mailto:, e.g. https://www.gov.cn',
  'link.unsafe':
    'This address cannot be used. Links may only point to http, https or mailto addresses, e.g. https://www.gov.cn.',
  'link.needsSelection': 'Select the words to link first, then choose “Link”.',
  'link.remove': 'Remove link',
  'link.apply': 'OK',

  'image.button': 'Insert image',
  'image.altTitle': 'Image alternative text',
  'image.altLabel': 'Alternative text',
  'image.altHelp':
    'Read out by screen readers and shown when the image cannot be displayed: describe what the image shows, briefly.',
  'image.altPlaceholder': 'e.g. The district press conference',
  'image.insert': 'Insert',
  'image.save': 'Save',
  'image.missingAlt': 'No alternative text',
  'image.editAlt': 'Edit alternative text',
  'image.label': 'Image: {alt}',
  'image.labelNoAlt': 'Image (no alternative text)',
  'image.unavailable': 'The image cannot be shown: it was not found in the media library.',
  'image.uploading': 'Uploading the image “{name}”…',
  'image.failed': 'The image “{name}” was not inserted: {detail}',
  'image.wrongType':
    '“{name}” is not an image that can be inserted. Only PNG, JPEG, GIF and WebP images can be.',
  'image.tooLarge':
    'The image “{name}” is larger than 20 MB and cannot be inserted. Compress it first.',

  'paste.importingImages': 'Importing {count} image(s) from the pasted content…',
  'paste.droppedImages':
    '{count} image(s) could not be pasted with the text (they are in files on this computer or at web addresses). The text was pasted; insert these images one by one with the “Insert image” button of the toolbar.',
  'paste.imagesFailed': '{count} image(s) of the pasted content were not imported: {detail}',

  'table.button': 'Insert table',
  'table.insertTitle': 'Insert table',
  'table.rows': 'Rows',
  'table.columns': 'Columns',
  'table.headerNote': 'The first row is the header row.',
  'table.insert': 'Insert',
  'table.rowAbove': 'Insert row above',
  'table.rowBelow': 'Insert row below',
  'table.columnLeft': 'Insert column left',
  'table.columnRight': 'Insert column right',
  'table.deleteRow': 'Delete row',
  'table.deleteColumn': 'Delete column',
  'table.delete': 'Delete table',

  'dialog.cancel': 'Cancel',
  'notice.dismiss': 'Dismiss',
};
