/** How serious a finding of the pre-publish checks is; each has its own highlight colour. */
export type HighlightSeverity = 'error' | 'warning' | 'info';

/**
 * A stretch of text to mark: characters [start, end) of block `blockIndex`, where blocks and
 * offsets are those of plainTextBlocks() (src/shared/document/plainText.ts), the way the checks
 * report findings. Offsets count UTF-16 code units.
 */
export interface HighlightRange {
  blockIndex: number;
  start: number;
  end: number;
  severity: HighlightSeverity;
}

export const HIGHLIGHT_NAMES: Readonly<Record<HighlightSeverity, string>> = {
  error: 'pd-finding-error',
  warning: 'pd-finding-warning',
  info: 'pd-finding-info',
};

/** The brief flash of revealRange(). */
export const REVEAL_HIGHLIGHT = 'pd-reveal';
export const REVEAL_MS = 2000;
