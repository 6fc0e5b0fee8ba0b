import type { ReactNode } from 'react';

/** A scrolling table: a named region that takes the keyboard focus, so it can be scrolled by keyboard. */
export function Scroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`table-scroll${className ? ` ${className}` : ''}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
