import { useEffect, useLayoutEffect, useRef } from 'react';
import { createWedgeDetector } from '../scan/keyboard-wedge';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Listens for a handheld scanner (a keyboard wedge) while no field has the focus, and calls
 * `onScan` with what it typed. Typing into a field is left alone: the field gets it.
 */
export function useKeyboardWedge(onScan: (code: string) => void, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);

  // A layout effect: the listener is in place in the same commit that shows the screen, so a
  // scanner firing the moment the bench home appears is heard (a passive effect runs later).
  useLayoutEffect(() => {
    if (!enabled) return;
    const detector = createWedgeDetector();
    const onKey = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
        detector.reset();
        return;
      }
      const at = event.timeStamp > 0 ? event.timeStamp : performance.now();
      const code = detector.feed(event.key, at);
      if (code !== null) {
        // The scanner's Enter must not also press whatever button has the focus.
        event.preventDefault();
        latest.current(code);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
