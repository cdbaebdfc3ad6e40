import type { ReactNode } from 'react';

/**
 * The page's one h1. Focusable by script (tabIndex -1) so that, after a route change, focus
 * moves to the new page's heading and a screen reader announces where the user now is.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <h1 className="pd-page-title" tabIndex={-1} data-page-title="">
      {children}
    </h1>
  );
}
