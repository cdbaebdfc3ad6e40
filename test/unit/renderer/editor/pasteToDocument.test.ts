// @vitest-environment happy-dom
// Model level: what a paste becomes in the editor (Lexical's own conversion of the cleaned
// HTML, in a headless release editor) is what the store accepts: DocumentSchema parses it,
// and no unsafe URL is in it.
import { $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, PASTE_COMMAND } from 'lexical';
import { describe, expect, it, vi } from 'vitest';
import { cleanPastedHtml } from '../../../../src/renderer/editor/plugins/PastePlugin/cleanPastedHtml.ts';
import { $insertCleanPaste } from '../../../../src/renderer/editor/plugins/PastePlugin/insertCleanPaste.ts';
import web from './fixtures/web-policy-page.html?raw';
import word from './fixtures/word2016-release.html?raw';
import wps from './fixtures/wps2019-notice.html?raw';
import {
  HASH_A,
  outline,
  pasteEvent,
  settle,
  storeParse,
  testEditor,
  urlsIn,
} from './headlessEditor.ts';

const ATTACKS = [
  '<a href="javascript:alert(1)">甲</a>',
  '<a href=" jav&#x09;ascript:alert(1)">乙</a>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)><a href="javascript:alert(2)">丙</a></svg>',
  '<iframe src="https://evil.example/"></iframe>',
  '<div style="background:url(javascript:alert(1))">丁</div>',
  '<form action="https://evil.example/"><input value=1><button>提交</button></form>',
  '<math><maction actiontype="statusline" href="javascript:alert(1)">戊</maction></math>',
  '<object data="x.swf"></object>',
  '<a href="data:text/html,<script>alert(1)</script>">己</a>',
  '<a href="vbscript:msgbox(1)">庚</a><a href="file:///C:/x.exe">辛</a>',
].join('');

/** The Word fixture as the document model holds it (see outline() for the notation). */
const WORD_OUTLINE = [
  'h1: 区政府召开2016年政务公开工作推进会',
  'p: 3月15日，区政府召开政务公开工作推进会，{1:全面部署}今年的政务公开重点任务。会议要求各单位{8:严格落实}“公开为常态、不公开为例外”原则，详见[中国政府网](http://www.gov.cn/zhengce/content/2016-02/17/content_5042791.htm)。',
  'h1: 主要工作安排',
  // Lexical nests a list in an item of its own, after the item it belongs to.
  {
    bullet: ['完善政府信息{2:主动公开}目录', ['', { bullet: ['每季度更新一次'] }], '加强政策解读'],
  },
  'h2: 时间节点',
  {
    number: [
      '4月底前完成自查',
      ['', { number: ['各街道报送自查报告', '区政务公开办汇总'] }],
      '6月底前接受督查',
    ],
  },
  {
    table: [
      ['td: p: {1:渠道}', 'td: p: {1:公开条数}'],
      ['td: p: 门户网站', 'td: p: 7760'],
    ],
  },
  'p: 区政务公开办',
];

describe('cleaned HTML through $generateNodesFromDOM, as the store sees it', () => {
  it('a Word paste: DocumentSchema parses it, with exactly the pasted structure', () => {
    const { editor, doc } = testEditor();
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        const parser = new DOMParser();
        $insertCleanPaste(
          editor,
          cleanPastedHtml(word, parser),
          new Map(),
          parser,
          root.selectStart(),
        );
      },
      { discrete: true },
    );
    const stored = storeParse(doc());
    expect(outline(stored)).toEqual(WORD_OUTLINE);
    expect(urlsIn(stored)).toEqual([
      'http://www.gov.cn/zhengce/content/2016-02/17/content_5042791.htm',
    ]);
  });

  it('the same, calling $generateNodesFromDOM directly: only model nodes come out', () => {
    const { editor } = testEditor();
    const types: string[] = [];
    editor.update(
      () => {
        const parser = new DOMParser();
        const dom = parser.parseFromString(cleanPastedHtml(wps, parser).html, 'text/html');
        for (const node of $generateNodesFromDOM(editor, dom)) types.push(node.getType());
      },
      { discrete: true },
    );
    expect(types).toEqual(['paragraph', 'paragraph', 'paragraph', 'list', 'paragraph']);
  });
});

describe('pasting through PASTE_COMMAND (the editor’s paste pipeline)', () => {
  it('a Word paste ends in a document the store accepts, and says what could not come along', async () => {
    const { editor, doc, notices } = testEditor();
    const event = pasteEvent({ 'text/html': word, 'text/plain': '区政府召开…' });
    expect(editor.dispatchCommand(PASTE_COMMAND, event)).toBe(true);
    expect(event.defaultPrevented).toBe(true);
    await settle();
    // The paste replaces the empty paragraph the caret was in.
    expect(outline(storeParse(doc()))).toEqual(WORD_OUTLINE);
    expect(notices).toEqual([
      {
        id: 1,
        kind: 'warning',
        text: '有 1 张图片无法随文字一起粘贴（它们位于本机文件或网络地址中）。文字已粘贴；请用工具栏的“插入图片”按钮逐张插入这些图片。',
      },
    ]);
  });

  it('a web page paste imports its data: image into the library, then inserts it as a library image', async () => {
    const { editor, doc, imported } = testEditor();
    editor.dispatchCommand(PASTE_COMMAND, pasteEvent({ 'text/html': web }));
    await vi.waitFor(() => expect(imported).toHaveLength(1));
    await vi.waitFor(() => expect(JSON.stringify(doc())).toContain(HASH_A));
    const stored = storeParse(doc());
    expect(imported[0]?.type).toBe('image/png');
    expect(imported[0]?.name).toBe('pasted-image-1.png');
    const image = JSON.stringify(stored).match(/\{[^{}]*"type":"image"[^{}]*\}/)?.[0];
    expect(JSON.parse(image ?? '{}')).toEqual({
      type: 'image',
      version: 1,
      mediaHash: HASH_A,
      altText: '政策图解',
      width: 640,
      height: 360,
    });
  });

  it('an image the library refuses is left out, and the host’s message is shown', async () => {
    const { editor, doc, notices } = testEditor({
      importImage: () =>
        Promise.reject(new Error('The file is not a PNG, JPEG, GIF or WebP image.')),
    });
    editor.dispatchCommand(PASTE_COMMAND, pasteEvent({ 'text/html': web }));
    await vi.waitFor(() => expect(notices.some((n) => n.kind === 'error')).toBe(true));
    expect(notices.find((n) => n.kind === 'error')?.text).toBe(
      '粘贴内容中有 1 张图片未能导入：The file is not a PNG, JPEG, GIF or WebP image.',
    );
    const stored = storeParse(doc());
    expect(JSON.stringify(stored)).not.toContain('"image"');
    expect(JSON.stringify(stored)).toContain('政策解读');
  });

  it('attack payloads end in a document the store accepts, with no unsafe URL', async () => {
    const { editor, doc } = testEditor();
    editor.dispatchCommand(PASTE_COMMAND, pasteEvent({ 'text/html': ATTACKS }));
    await settle();
    const stored = storeParse(doc());
    const json = JSON.stringify(stored);
    expect(json).not.toMatch(/javascript|vbscript|data:|file:|evil|alert/i);
    expect(urlsIn(stored)).toEqual([]);
    expect(outline(stored)).toEqual(['p: 甲乙', 'p: 丁', 'p: 己庚辛']);
  });

  it('plain text is Lexical’s: each line a paragraph', async () => {
    const { editor, doc } = testEditor();
    editor.dispatchCommand(PASTE_COMMAND, pasteEvent({ 'text/plain': '第一段\n第二段\r\n第三段' }));
    await settle();
    expect(outline(storeParse(doc()))).toEqual(['p: 第一段', 'p: 第二段', 'p: 第三段']);
  });

  it('Lexical’s clipboard format from another release editor is inserted node for node', async () => {
    const { editor, doc } = testEditor();
    const nodes = [
      {
        type: 'heading',
        tag: 'h2',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'text',
            text: '复制的标题',
            format: 0,
            mode: 'normal',
            detail: 0,
            style: '',
            version: 1,
          },
        ],
      },
    ];
    editor.dispatchCommand(
      PASTE_COMMAND,
      pasteEvent({
        'application/x-lexical-editor': JSON.stringify({ namespace: 'pressdesk-release', nodes }),
        'text/html': '<p>这段HTML不会被使用</p>',
      }),
    );
    await settle();
    expect(outline(storeParse(doc()))).toEqual(['h2: 复制的标题']);
  });

  it('Lexical’s clipboard format of another editor, or with unknown nodes, goes through the cleanup', async () => {
    const { editor, doc } = testEditor();
    const foreign = (namespace: string, type: string) =>
      pasteEvent({
        'application/x-lexical-editor': JSON.stringify({
          namespace,
          nodes: [{ type, version: 1, children: [], url: 'javascript:alert(1)' }],
        }),
        'text/html': '<p><a href="javascript:alert(1)">清理后的文字</a></p>',
      });
    editor.dispatchCommand(PASTE_COMMAND, foreign('someone-else', 'link'));
    editor.dispatchCommand(PASTE_COMMAND, foreign('pressdesk-release', 'youtube'));
    await settle();
    const stored = storeParse(doc());
    expect(urlsIn(stored)).toEqual([]);
    expect(JSON.stringify(stored)).toContain('清理后的文字清理后的文字');
  });

  it('an image file alone goes to the library and is inserted; a refusal inserts nothing', async () => {
    const png = new File([new Uint8Array([137, 80, 78, 71])], '现场.png', { type: 'image/png' });
    const { editor, doc, imported } = testEditor();
    editor.dispatchCommand(PASTE_COMMAND, pasteEvent({}, [png]));
    await vi.waitFor(() => expect(JSON.stringify(doc())).toContain(HASH_A));
    expect(imported.map((f) => f.name)).toEqual(['现场.png']);
    expect(outline(storeParse(doc()))).toEqual(['p: <img aaaa "">']);
    expect(imported[0]?.type).toBe('image/png');

    const refusing = testEditor({
      importImage: () => Promise.reject(new Error('The image is larger than 20 MB.')),
    });
    refusing.editor.dispatchCommand(PASTE_COMMAND, pasteEvent({}, [png]));
    await vi.waitFor(() => expect(refusing.notices.map((n) => n.kind)).toEqual(['error']));
    expect(refusing.notices[0]).toEqual({
      id: 2,
      kind: 'error',
      text: '图片“现场.png”未能插入：The image is larger than 20 MB.',
    });
    expect(outline(storeParse(refusing.doc()))).toEqual(['p: ']);
  });
});
