/** Page chrome every page shares: the document title and the focus on the page heading. */
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Casusregie`;
    // After client-side navigation, screen readers and keyboard users start at the heading.
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 className="utrecht-heading-1" tabIndex={-1} ref={ref}>
      {children ?? title}
    </h1>
  );
}
