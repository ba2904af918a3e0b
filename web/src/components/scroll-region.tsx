import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside a named, focusable region, so keyboard users can scroll it
 * too (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="cqs-scroll-region">
      {children}
    </div>
  );
}
