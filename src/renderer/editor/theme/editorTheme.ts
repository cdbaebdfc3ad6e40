import type { EditorThemeClasses } from 'lexical';
import './editor.css';

/**
 * The CSS classes Lexical puts on the nodes it renders; editor.css styles them. Every class of
 * the editor starts with `pd-ed-` so it cannot collide with the app's or Ant Design's.
 */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'pd-ed-p',
  heading: {
    h1: 'pd-ed-h1',
    h2: 'pd-ed-h2',
    h3: 'pd-ed-h3',
    h4: 'pd-ed-h4',
    h5: 'pd-ed-h5',
    h6: 'pd-ed-h6',
  },
  quote: 'pd-ed-quote',
  list: {
    ul: 'pd-ed-ul',
    ol: 'pd-ed-ol',
    listitem: 'pd-ed-li',
    nested: { listitem: 'pd-ed-li-nested' },
  },
  link: 'pd-ed-link',
  text: {
    bold: 'pd-ed-bold',
    italic: 'pd-ed-italic',
    underline: 'pd-ed-underline',
    strikethrough: 'pd-ed-strike',
    underlineStrikethrough: 'pd-ed-underline-strike',
    subscript: 'pd-ed-sub',
    superscript: 'pd-ed-sup',
    code: 'pd-ed-code',
  },
  table: 'pd-ed-table',
  tableRow: 'pd-ed-tr',
  tableCell: 'pd-ed-td',
  tableCellHeader: 'pd-ed-th',
  tableCellSelected: 'pd-ed-cell-selected',
  tableSelection: 'pd-ed-table-selection',
  tableScrollableWrapper: 'pd-ed-table-wrap',
  hr: 'pd-ed-hr',
  hrSelected: 'pd-ed-hr-selected',
  image: 'pd-ed-image',
};

/** The class of the editable root: heading numbers are counted among its direct children. */
export const EDITOR_ROOT_CLASS = 'pd-ed-root';
