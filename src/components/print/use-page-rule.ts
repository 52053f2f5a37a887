import { useEffect } from 'react';

/**
 * Applies an `@page` rule while the print view is shown. The server's Content Security Policy
 * forbids inline <style> elements, but not the CSS object model: the rule goes into a
 * constructed style sheet (document.adoptedStyleSheets), and is removed when the view goes.
 */
export function usePageRule(rule: string): void {
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    let sheet: CSSStyleSheet;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(rule);
    } catch {
      return; // an engine without constructable style sheets prints with its default page
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [rule]);
}
