// @vitest-environment happy-dom
// The component as the draft page mounts it: toolbar semantics, the document shown, onChange,
// read-only mode, the missing-alt badge, both languages.
import { $getRoot, $isElementNode } from 'lexical';
import { act, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Document } from '../../../../src/shared/document/nodes.ts';
import {
  ReleaseEditor,
  type ReleaseEditorHandle,
  type ReleaseEditorProps,
} from '../../../../src/renderer/editor/ReleaseEditor.tsx';
import { HASH_A, storeParse } from './headlessEditor.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const t = (text: string) => ({
  type: 'text',
  version: 1,
  text,
  format: 0,
  mode: 'normal',
  detail: 0,
  style: '',
});
const el = { version: 1, direction: null, format: '', indent: 0 };
const DOC: Document = storeParse({
  root: {
    type: 'root',
    ...el,
    children: [
      { type: 'heading', tag: 'h1', ...el, children: [t('总体要求')] },
      {
        type: 'paragraph',
        ...el,
        textFormat: 0,
        textStyle: '',
        children: [
          t('正文'),
          { type: 'image', version: 1, mediaHash: HASH_A, altText: '', width: 640, height: 360 },
        ],
      },
    ],
  },
});

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

async function mount(props: Partial<ReleaseEditorProps> = {}) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const onChange = vi.fn();
  const ref = createRef<ReleaseEditorHandle>();
  await act(async () => {
    root?.render(
      <ReleaseEditor
        ref={ref}
        initialState={DOC}
        onChange={onChange}
        importImage={() => Promise.reject(new Error('unused'))}
        locale="zh-CN"
        {...props}
      />,
    );
  });
  const container = host;
  return { container, onChange, ref };
}

describe('ReleaseEditor', () => {
  it('has an accessible toolbar: named, every button titled with its shortcut, toggles pressed or not', async () => {
    const { container } = await mount();
    const toolbar = container.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('正文格式');
    const editable = container.querySelector('[contenteditable="true"]');
    expect(toolbar?.getAttribute('aria-controls')).toBe(editable?.id);
    const buttons = Array.from(toolbar?.querySelectorAll('button') ?? []);
    const byLabel = new Map(buttons.map((b) => [b.getAttribute('aria-label'), b]));
    expect([...byLabel.keys()]).toEqual([
      '加粗',
      '倾斜',
      '下划线',
      '删除线',
      '项目符号列表',
      '编号列表',
      '引用',
      '链接',
      '插入图片',
      '插入表格',
      '分隔线',
      '撤销',
      '重做',
      '清除格式',
    ]);
    for (const button of buttons) expect(button.title, button.title).not.toBe('');
    expect(byLabel.get('加粗')?.title).toBe('加粗（Ctrl+B）');
    expect(byLabel.get('重做')?.title).toBe('重做（Ctrl+Shift+Z / Ctrl+Y）');
    expect(byLabel.get('链接')?.title).toBe('链接（Ctrl+K）');
    for (const toggle of [
      '加粗',
      '倾斜',
      '下划线',
      '删除线',
      '项目符号列表',
      '编号列表',
      '引用',
      '链接',
    ]) {
      expect(byLabel.get(toggle)?.getAttribute('aria-pressed'), toggle).toBe('false');
    }
    expect(byLabel.get('插入图片')?.hasAttribute('aria-pressed')).toBe(false);
    expect(container.querySelector('[role="combobox"]')?.getAttribute('aria-label')).toBe(
      '段落样式',
    );
  });

  it('shows the document in Chinese, headings with the classes the numbering counts', async () => {
    const { container } = await mount();
    const editable = container.querySelector('[contenteditable="true"]');
    expect(editable?.getAttribute('aria-label')).toBe('稿件正文');
    expect(editable?.getAttribute('lang')).toBe('zh-CN');
    expect(editable?.classList.contains('pd-ed-root')).toBe(true);
    expect(editable?.querySelector('h1.pd-ed-h1')?.textContent).toBe('总体要求');
  });

  it('marks an image without alternative text', async () => {
    const { container } = await mount();
    const badge = container.querySelector('.pd-ed-image-badge');
    expect(badge?.textContent).toBe('缺少替代文字');
    expect(container.querySelector('.pd-ed-image img')?.getAttribute('src')).toBe(
      `/media/${HASH_A}`,
    );
    expect(container.querySelector('.pd-ed-image img')?.getAttribute('alt')).toBe(
      '图片（缺少替代文字）',
    );
  });

  it('calls onChange with the document after a change of content, not after a move of the caret', async () => {
    const { onChange, ref } = await mount();
    const editor = ref.current?.getEditor();
    await act(async () => {
      editor?.update(() => {
        const heading = $getRoot().getFirstChild();
        if ($isElementNode(heading)) heading.selectEnd();
      });
    });
    expect(onChange).not.toHaveBeenCalled();
    await act(async () => {
      editor?.update(() => {
        const heading = $getRoot().getFirstChild();
        if ($isElementNode(heading)) heading.selectEnd().insertText('和目标');
      });
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    const doc = storeParse(onChange.mock.calls[0]?.[0]);
    expect(JSON.stringify(doc.root.children[0])).toContain('总体要求和目标');
  });

  it('read-only: no toolbar, nothing editable', async () => {
    const { container } = await mount({ readOnly: true });
    expect(container.querySelector('[role="toolbar"]')).toBeNull();
    expect(container.querySelector('[contenteditable="true"]')).toBeNull();
    expect(container.querySelector('[contenteditable="false"] h1')?.textContent).toBe('总体要求');
  });

  it('speaks English when asked, the document staying Chinese', async () => {
    const { container } = await mount({ locale: 'en' });
    expect(container.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe(
      'Body formatting',
    );
    expect(container.querySelector('button[aria-label="Bold"]')?.getAttribute('title')).toBe(
      'Bold (Ctrl+B)',
    );
    expect(container.querySelector('.pd-ed-image-badge')?.textContent).toBe('No alternative text');
    expect(container.querySelector('[contenteditable="true"]')?.getAttribute('lang')).toBe('zh-CN');
  });

  it('accepts findings to mark, and reveals one through its handle', async () => {
    const { ref } = await mount({
      highlights: [{ blockIndex: 0, start: 0, end: 2, severity: 'warning' }],
    });
    expect(ref.current?.revealRange({ blockIndex: 0, start: 0, end: 2 })).toBe(true);
    expect(ref.current?.revealRange({ blockIndex: 5, start: 0, end: 2 })).toBe(false);
  });
});
