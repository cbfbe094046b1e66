import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { createAppStore, type InitialState } from './store/app-store';
import { readUrlState } from './store/url-state';
import { syncStoreWithUrl } from './store/url-sync';
import { bindScope } from './store/scope-binding';
import { pickLanguage } from './i18n/translate';
import { registerServiceWorker } from './offline/register-sw';
import { prewarmMap } from './map/map-controller';
import './ui/app.css';

const fromUrl = readUrlState(window.location.search) as InitialState;
const store = createAppStore({
  ...fromUrl,
  startParams: window.location.search.replace(/^\?/, ''),
  lang: pickLanguage(new URLSearchParams(window.location.search).get('lang'), navigator.languages ?? []),
});
syncStoreWithUrl(store);
bindScope(store);
registerServiceWorker(store);
// The map's worker starts while the first view's data arrive (preloaded by index.html).
prewarmMap();
createRoot(document.getElementById('root')!).render(<App store={store} />);
