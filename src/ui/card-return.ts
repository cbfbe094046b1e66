import { flushSync } from 'react-dom';
import type { AppStore, PanelTab } from '../store/app-store';

// Selecting a structure shows its card in the list tab (CoreSlice.select). A
// keyboard or screen-reader user who opened it from the search results or the
// coverage panel must come back there, on the item they left, not at the top
// of another tab.

const origins = new WeakMap<AppStore, PanelTab>();
const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

/** Remember which tab was shown when a card opens. Returns the unsubscribe function. */
export function trackCardOrigin(store: AppStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.selectedId && !previous.selectedId) origins.set(store, previous.tab);
  });
}

/** The tab the current card was opened from ('list' when unknown, e.g. a shared link). */
export function cardOrigin(store: AppStore): PanelTab {
  return origins.get(store) ?? 'list';
}

/**
 * Close the card, show the tab it came from and give the focus back to the
 * item that opened it (`[data-id]` in the panel), or to the panel's first
 * heading when that item is no longer shown. Lazy tabs may take a few frames.
 */
export function closeCard(store: AppStore, id: string | null, doc: Document = document): void {
  const from = cardOrigin(store);
  // Render the tab now, so the item can take the focus before the next frame.
  flushSync(() => {
    store.getState().select(null);
    if (from !== 'list' && store.getState().tab !== from) store.getState().setTab(from);
  });
  let frames = 0;
  const tryFocus = () => {
    const body = doc.getElementById('panel-body');
    // The row may carry data-id on a <li> around its button: take the focusable one.
    const rows = id && body ? [...body.querySelectorAll<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)] : [];
    const item = rows.map((row) => (row.matches(FOCUSABLE) ? row : row.querySelector<HTMLElement>(FOCUSABLE))).find(Boolean);
    if (item) {
      item.focus();
      return;
    }
    if (++frames < 30) {
      requestAnimationFrame(tryFocus);
      return;
    }
    const heading = body?.querySelector<HTMLElement>('h2, h3');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    }
  };
  tryFocus();
}
