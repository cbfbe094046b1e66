// Styles of the web component live in its Shadow DOM, so that the host page's
// CSS does not reach the map and the map's CSS does not reach the page. In the
// library build (vite.embed.config.ts) every CSS import becomes a call to
// addShadowStyle with the file's text, including those of lazily loaded parts.

const sheets: Array<CSSStyleSheet | string> = [];
const roots = new Set<ShadowRoot>();

function canAdopt(): boolean {
  return typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in Document.prototype;
}

function attach(root: ShadowRoot, sheet: CSSStyleSheet | string): void {
  if (typeof sheet === 'string') {
    const style = document.createElement('style');
    style.textContent = sheet;
    // After the styles already there, before the content: sheets keep their order.
    root.insertBefore(style, root.querySelector(':scope > :not(style)'));
  } else {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

/** Register a style sheet's text; rules for `:root` are rewritten for `:host` (the page's root is not ours). */
export function addShadowStyle(css: string): void {
  const text = css.replace(/:root\b/g, ':host');
  let sheet: CSSStyleSheet | string = text;
  if (canAdopt()) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
  }
  sheets.push(sheet);
  for (const root of roots) attach(root, sheet);
}

/** Give a shadow root every registered style, now and as lazy parts register theirs. Returns the release. */
export function adoptShadowStyles(root: ShadowRoot): () => void {
  roots.add(root);
  for (const sheet of sheets) attach(root, sheet);
  return () => roots.delete(root);
}
