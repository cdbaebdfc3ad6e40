// The in-page keystroke probe, the same for the editor page and the bare contenteditable page.
// A keystroke starts at its first event (keydown, or beforeinput for text inserted without a
// key, as an IME commits it); it ends at the first animation frame after the first DOM mutation
// it causes ("toFrame") and, as a second figure, once that frame has been produced: a task
// queued from the frame callback runs after its style, layout and paint ("afterPaint").

interface Sample {
  began: number;
  toFrame: number;
  afterPaint: number;
}

export interface KeystrokeProbe {
  /** Resolves once `count` samples exist. */
  waitFor(count: number): Promise<number>;
  samples(): { toFrame: number; afterPaint: number }[];
  reset(): void;
}

export function installProbe(root: HTMLElement): void {
  const samples: Sample[] = [];
  let started: number | null = null;
  let waiting: ((count: number) => void) | null = null;
  let painting: Sample | null = null;
  const begin = () => {
    if (started === null) started = performance.now();
  };
  window.addEventListener('keydown', begin, true);
  window.addEventListener('beforeinput', begin, true);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const sample = painting;
    if (!sample) return;
    painting = null;
    sample.afterPaint = performance.now() - sample.began;
    samples.push(sample);
    const resolve = waiting;
    waiting = null;
    resolve?.(samples.length);
  };
  new MutationObserver(() => {
    if (started === null) return;
    const began = started;
    started = null;
    requestAnimationFrame(() => {
      painting = { began, toFrame: performance.now() - began, afterPaint: 0 };
      channel.port2.postMessage(0);
    });
  }).observe(root, { subtree: true, childList: true, characterData: true });

  const probe: KeystrokeProbe = {
    waitFor(count) {
      if (samples.length >= count) return Promise.resolve(samples.length);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    samples: () => samples.map(({ toFrame, afterPaint }) => ({ toFrame, afterPaint })),
    reset() {
      samples.length = 0;
      started = null;
    },
  };
  (window as unknown as { pdProbe: KeystrokeProbe }).pdProbe = probe;
}

/** Puts the caret in the middle of the middle paragraph of `root`, and focuses it. */
export function caretInTheMiddle(root: HTMLElement): void {
  const paragraphs = root.querySelectorAll('p');
  const paragraph = paragraphs[Math.floor(paragraphs.length / 2)];
  if (!paragraph) throw new Error('The page has no paragraphs to type into.');
  const text = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT).nextNode() as Text | null;
  if (!text) throw new Error('The middle paragraph has no text.');
  root.focus();
  const range = document.createRange();
  range.setStart(text, Math.floor(text.data.length / 2));
  range.collapse(true);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
