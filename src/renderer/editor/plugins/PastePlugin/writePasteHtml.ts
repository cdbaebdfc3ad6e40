import type { Block, Cell, Inline, ListBlock } from './pasteModel.ts';

/** The attribute of an `<img>` that stands for embedded image number N until it is imported. */
export const PASTE_IMAGE_ATTRIBUTE = 'data-pd-paste-image';

/**
 * Writes blocks as HTML with no attribute but href and title on links, start on ordered lists,
 * colspan and rowspan on cells, and the placeholder id and alt on images. Text is set as text
 * nodes, so whatever it contains is escaped by the serializer. Returns the markup and the ids
 * of the embedded images it references.
 */
export function writePasteHtml(
  blocks: readonly Block[],
  doc: Document,
): { html: string; imageIds: number[] } {
  const imageIds: number[] = [];
  const el = (tag: string, children: readonly Node[] = []) => {
    const element = doc.createElement(tag);
    element.append(...children);
    return element;
  };

  const inline = (item: Inline): Node => {
    switch (item.kind) {
      case 'text':
        return doc.createTextNode(item.text);
      case 'br':
        return el('br');
      case 'image': {
        const img = el('img');
        img.setAttribute(PASTE_IMAGE_ATTRIBUTE, String(item.id));
        img.setAttribute('alt', item.alt);
        imageIds.push(item.id);
        return img;
      }
      case 'mark':
        return el(item.mark, item.children.map(inline));
      case 'link': {
        const a = el('a', item.children.map(inline));
        a.setAttribute('href', item.href);
        if (item.title !== null) a.setAttribute('title', item.title);
        return a;
      }
    }
  };

  const list = (block: ListBlock): Element => {
    const element = el(
      block.ordered ? 'ol' : 'ul',
      block.items.map((item) => el('li', [...item.children.map(inline), ...item.lists.map(list)])),
    );
    if (block.start !== null) element.setAttribute('start', String(block.start));
    return element;
  };

  const cell = (source: Cell): Element => {
    const element = el(
      source.header ? 'th' : 'td',
      source.blocks.length > 0 ? source.blocks.map(block) : [el('p')],
    );
    if (source.colSpan > 1) element.setAttribute('colspan', String(source.colSpan));
    if (source.rowSpan > 1) element.setAttribute('rowspan', String(source.rowSpan));
    return element;
  };

  const block = (source: Block): Element => {
    switch (source.kind) {
      case 'p':
        return el('p', source.children.map(inline));
      case 'h':
        return el(`h${source.level}`, source.children.map(inline));
      case 'quote':
        return el('blockquote', source.children.map(inline));
      case 'list':
        return list(source);
      case 'table':
        return el(
          'table',
          source.rows.map((row) => el('tr', row.map(cell))),
        );
      case 'hr':
        return el('hr');
    }
  };

  const container = el('div', blocks.map(block));
  return { html: container.innerHTML, imageIds };
}
