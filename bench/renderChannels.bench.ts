// Rendering one ~30,000-character release to all five channel outputs (renderAll: portal HTML,
// WeChat HTML, Weibo text, Mastodon text, JSON Feed item), against Lexical's own
// $generateHtmlFromNodes on the same document in a headless editor over a happy-dom DOM (what
// rendering through the editor would cost). Target (DESIGN.md): at least 10x faster.
// Not wired into bench/run.ts; call it as `await benchRenderChannels()` (e.g. from run.ts), or
// alone: `npx tsx -e "import('./bench/renderChannels.bench.ts').then((m) => m.benchRenderChannels())"`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateHtmlFromNodes } from '@lexical/html';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { Window } from 'happy-dom';
import { renderAll } from '../src/core/content/render/renderAll.ts';
import { DocumentSchema, type Document } from '../src/shared/document/nodes.ts';
import { emptyMeta } from '../src/shared/domain/documentMeta.ts';
import { median, report } from './harness.ts';

const SAMPLE = join(
  import.meta.dirname,
  '../../shared/samples/tongzhou-disclosure-report-2016.txt',
);
const TARGET_CHARACTERS = 30_000;
const WARM_UP = 30;
const RUNS = 100;

const text = (value: string, format = 0) => ({ type: 'text', text: value, format });
const paragraph = (value: string) => ({ type: 'paragraph', children: [text(value)] });

/** The sample repeated to ~30,000 characters: paragraphs, a heading every 8, a list and a table. */
export function benchDocument(): Document {
  const lines = readFileSync(SAMPLE, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const blocks: unknown[] = [];
  let length = 0;
  for (let i = 0; length < TARGET_CHARACTERS; i++) {
    const line = lines[i % lines.length] ?? '';
    length += line.length;
    if (i % 8 === 0)
      blocks.push({
        type: 'heading',
        tag: (['h1', 'h2', 'h3', 'h4'] as const)[(i / 8) % 4],
        children: [text(line.slice(0, 20))],
      });
    else blocks.push(paragraph(line));
    if (i === 20)
      blocks.push({
        type: 'list',
        listType: 'number',
        tag: 'ol',
        start: 1,
        children: lines
          .slice(0, 5)
          .map((l) => ({ type: 'listitem', value: 1, children: [text(l.slice(0, 40), 1)] })),
      });
    if (i === 40)
      blocks.push({
        type: 'table',
        children: [0, 1, 2, 3, 4].map((r) => ({
          type: 'tablerow',
          children: [0, 1, 2].map((c) => ({
            type: 'tablecell',
            headerState: r === 0 ? 1 : 0,
            children: [paragraph(`第${r}行第${c}列`)],
          })),
        })),
      });
  }
  return DocumentSchema.parse({ root: { type: 'root', children: blocks } });
}

function timeMedian(run: () => unknown): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function benchRenderChannels(): Promise<void> {
  const body = benchDocument();
  const release = {
    title: '通州区2016年政府信息公开工作年度报告',
    meta: { ...emptyMeta('press_release'), keywords: ['政务公开'] },
    body,
  };
  const portalUrl = 'https://www.tongzhou.gov.cn/art/2017/3/1/art_1.html';
  const imageUrl = (hash: string) => `https://img.example.gov.cn/${hash}.jpg`;
  const ours = timeMedian(() =>
    renderAll(release, {
      portal: { imageUrl },
      wechat: { imageUrl },
      weibo: { portalUrl },
      mastodon: { portalUrl, hashtags: true },
      feed: { itemId: 'bench', url: portalUrl, imageUrl, datePublished: new Date(0) },
    }),
  );

  const window = new Window();
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { window: globals.window, document: globals.document };
  globals.window = window;
  globals.document = window.document;
  try {
    const editor = createHeadlessEditor({
      namespace: 'bench',
      nodes: [
        HeadingNode,
        QuoteNode,
        ListNode,
        ListItemNode,
        LinkNode,
        AutoLinkNode,
        TableNode,
        TableRowNode,
        TableCellNode,
      ],
      onError: (error) => {
        throw error;
      },
    });
    editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
    let html = '';
    const lexical = timeMedian(() => {
      html = editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
    });
    if (html.length < TARGET_CHARACTERS)
      throw new Error(`Lexical produced only ${html.length} characters of HTML.`);
    report({
      name: 'render a 30,000-character release to all five channel outputs (median time)',
      value: ours,
      unit: 'ms',
      baseline: { name: 'Lexical $generateHtmlFromNodes, portal HTML only', value: lexical },
      better: 'lower',
      target: { atMost: 0.1, note: 'ours at least 10x faster' },
    });
  } finally {
    globals.window = saved.window;
    globals.document = saved.document;
    await window.happyDOM.close();
  }
}
