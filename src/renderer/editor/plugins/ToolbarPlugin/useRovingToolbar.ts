import { type RefObject, useEffect } from 'react';

/** The element that takes focus for a toolbar item: the item itself, or the input inside it. */
function focusTarget(item: HTMLElement): HTMLElement | null {
  if (item.matches('button, input')) return item;
  return item.querySelector<HTMLElement>('input, button');
}

/**
 * One tab stop for the whole toolbar (WAI-ARIA toolbar pattern): Tab enters it on the last used
 * control, ArrowLeft/ArrowRight move between controls, Home/End go to the first and last.
 * Items are the elements marked `data-toolbar-item`; disabled ones are skipped.
 */
export function useRovingToolbar(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const toolbar = ref.current;
    if (!toolbar) return;
    let current = 0;
    const targets = () =>
      Array.from(toolbar.querySelectorAll<HTMLElement>('[data-toolbar-item]'))
        .map(focusTarget)
        .filter((el): el is HTMLElement => el !== null && !el.hasAttribute('disabled'));
    const sync = () => {
      const list = targets();
      if (current >= list.length) current = Math.max(0, list.length - 1);
      list.forEach((el, index) => {
        const tabIndex = index === current ? 0 : -1;
        if (el.tabIndex !== tabIndex) el.tabIndex = tabIndex;
      });
    };
    const onFocusIn = (event: FocusEvent) => {
      const index = targets().indexOf(event.target as HTMLElement);
      if (index >= 0 && index !== current) {
        current = index;
        sync();
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
      const target = event.target as HTMLElement;
      if (target instanceof HTMLInputElement && target.getAttribute('role') !== 'combobox') return;
      const list = targets();
      const index = list.indexOf(target);
      if (index < 0 || list.length === 0) return;
      const next =
        event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? list.length - 1
            : (index + (event.key === 'ArrowRight' ? 1 : -1) + list.length) % list.length;
      event.preventDefault();
      current = next;
      sync();
      list[next]?.focus();
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(toolbar, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled', 'tabindex'],
    });
    toolbar.addEventListener('focusin', onFocusIn);
    toolbar.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      toolbar.removeEventListener('focusin', onFocusIn);
      toolbar.removeEventListener('keydown', onKeyDown);
    };
  }, [ref]);
}
