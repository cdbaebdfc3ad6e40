/**
 * Word's HTML carries "downlevel-revealed" conditionals: `<![if !supportLists]>…<![endif]>`.
 * An HTML parser reads each marker as a comment and the content between them as ordinary
 * nodes, so they must be resolved before anything else: the content is what Word shows to
 * browsers that do not support a feature (a typed list bullet, a duplicated line break, a
 * comment anchor, a column-width row). The one kept is `!vml`, Word's `<img>` fallback for an
 * image it otherwise draws with VML. The real conditional comments,
 * `<!--[if gte mso 9]><xml>…</xml><![endif]-->`, are single comment nodes and simply dropped.
 *
 * Returns the text of each `!supportLists` block (the bullet or number Word typed), by the
 * element it was in: the list paragraph.
 */
export function resolveDownlevelConditionals(root: Node): Map<Element, string> {
  const markers = new Map<Element, string>();
  for (const comment of commentsIn(root)) {
    if (!comment.parentNode) continue; // removed with an earlier block
    const condition = /^\[if\s+([^\]]+)\]$/i.exec(comment.data.trim())?.[1];
    if (condition === undefined) continue;
    const between: ChildNode[] = [];
    let end: ChildNode | null = comment.nextSibling;
    while (end && !(isComment(end) && /^\[endif\]$/i.test(end.data.trim()))) {
      between.push(end);
      end = end.nextSibling;
    }
    if (!end) continue; // unbalanced: leave the content, the comment is dropped later
    const normalized = condition.replace(/\s+/g, '').toLowerCase();
    if (normalized === '!supportlists' && comment.parentElement) {
      const text = between.map((node) => node.textContent ?? '').join('');
      markers.set(comment.parentElement, (markers.get(comment.parentElement) ?? '') + text);
    }
    if (normalized !== '!vml') for (const node of between) node.remove();
    comment.remove();
    end.remove();
  }
  return markers;
}

function isComment(node: Node): node is Comment {
  return node.nodeType === 8;
}

function commentsIn(root: Node): Comment[] {
  const found: Comment[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (isComment(child)) found.push(child);
      else if (child.nodeType === 1) visit(child);
    }
  };
  visit(root);
  return found;
}
