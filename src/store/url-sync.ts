import type { AppState, AppStore } from './app-store';
import { readUrlState, writeUrlState } from './url-state';

/**
 * Keep the store and the address bar in step. Changes of what is shown
 * (filters, selection, region…) push a history entry so Back steps back;
 * camera moves only replace the current entry.
 */
export function syncStoreWithUrl(store: AppStore, win: Window = window): () => void {
  let applying = false;
  const cameraOnly = (a: AppState, b: AppState) => {
    const strip = (s: AppState) => writeUrlState({ ...s, view: null });
    return strip(a) === strip(b);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (applying) return;
    const next = writeUrlState(state);
    if (next === win.location.search) return;
    const url = `${win.location.pathname}${next}${win.location.hash}`;
    if (cameraOnly(state, previous)) win.history.replaceState(null, '', url);
    else win.history.pushState(null, '', url);
  });
  const onPopState = () => {
    applying = true;
    try {
      const fromUrl = readUrlState(win.location.search) as Partial<AppState>;
      store.setState({
        filter: { types: null, stages: [], dept: null },
        selectedId: null,
        ...fromUrl,
      });
    } finally {
      applying = false;
    }
  };
  win.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
