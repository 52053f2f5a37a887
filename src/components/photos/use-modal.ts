import { useEffect, type RefObject } from 'react';

/**
 * While a full-screen view (portalled into <body>) is open: the app behind it is inert (no tab
 * stops, hidden from screen readers), focus moves to `initial`, and goes back to what had it.
 */
export function useModal(initial: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const app = document.getElementById('root');
    const wasInert = app?.hasAttribute('inert') ?? false;
    app?.setAttribute('inert', '');
    initial.current?.focus();
    return () => {
      if (!wasInert) app?.removeAttribute('inert');
      opener?.focus();
    };
  }, [initial]);
}
