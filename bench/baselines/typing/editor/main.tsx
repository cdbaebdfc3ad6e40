// The typing benchmark's page: the release editor with all its plugins (toolbar, paste, images,
// shortcuts, highlights, change reporting), mounted alone, as the draft page mounts it.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';
import { ReleaseEditor } from '../../../../src/renderer/editor/ReleaseEditor.tsx';
import type { Document } from '../../../../src/shared/document/nodes.ts';
import { caretInTheMiddle, installProbe } from '../keystrokeProbe.tsx';

interface BenchWindow {
  pdMount?: (doc: Document) => Promise<void>;
  pdCaretInTheMiddle?: () => void;
  pdChanges: number;
  pdLastDoc: Document | null;
}
const page = window as unknown as BenchWindow;
page.pdChanges = 0;
page.pdLastDoc = null;

page.pdMount = (doc) =>
  new Promise((resolve) => {
    const container = document.getElementById('root') as HTMLElement;
    createRoot(container).render(
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <ReleaseEditor
            initialState={doc}
            locale="zh-CN"
            onChange={(next) => {
              page.pdChanges++;
              page.pdLastDoc = next;
            }}
            importImage={() => Promise.reject(new Error('No media library in the benchmark.'))}
          />
        </AntApp>
      </ConfigProvider>,
    );
    const waitForContent = () => {
      const root = container.querySelector<HTMLElement>('[contenteditable="true"]');
      if (root && root.querySelectorAll('p').length > 1) {
        installProbe(root);
        page.pdCaretInTheMiddle = () => caretInTheMiddle(root);
        resolve();
      } else requestAnimationFrame(waitForContent);
    };
    waitForContent();
  });
