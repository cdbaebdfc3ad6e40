// The typing benchmark's baseline: a bare contenteditable holding the same paragraphs.
import { caretInTheMiddle, installProbe } from '../keystrokeProbe.tsx';

interface BenchWindow {
  pdMount?: (paragraphs: string[]) => Promise<void>;
  pdCaretInTheMiddle?: () => void;
}
const page = window as unknown as BenchWindow;

page.pdMount = async (paragraphs) => {
  const root = document.getElementById('root') as HTMLElement;
  for (const text of paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    root.append(p);
  }
  installProbe(root);
  page.pdCaretInTheMiddle = () => caretInTheMiddle(root);
};
