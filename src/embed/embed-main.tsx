// The iframe page (embed.html): one map configured by its URL parameters,
// driven by the embedding page through postMessage (src/embed/iframe-bridge.ts).
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../store/app-store';
import { translate } from '../i18n/translate';
import { prewarmMap, type MapController } from '../map/map-controller';
import { dataBaseUrl } from '../data/load-region';
import { EmbedApp } from './EmbedApp';
import { embedInitialState } from './embed-state';
import { connectIframe } from './iframe-bridge';
import { parseOrigins } from './messages';
import { bindScope } from '../store/scope-binding';
import '../ui/app.css';
import './embed.css';

const params = new URLSearchParams(window.location.search);
const store = createAppStore(embedInitialState(params, navigator.languages ?? []));
bindScope(store);

const policy = parseOrigins(params.get('origins'));
// Fail closed: the map neither announces nor listens to the host page, and says why (src/ui/ScopeNotice.tsx).
if (policy.unusable) {
  store.setState({ unusableOrigins: policy.invalid });
  console.warn(`Maillage: "origins" is unusable (${policy.invalid.join(', ')}): no message is exchanged with the host page.`);
}
let controller: MapController | null = null;
const bridge = connectIframe(store, () => controller, policy);

// The iframe never writes its URL: a history entry here would hijack the host page's Back button.
const setTitle = () => {
  const { lang } = store.getState();
  document.documentElement.lang = lang;
  document.title = translate(lang, 'embed.label');
};
setTitle();
store.subscribe((s, prev) => s.lang !== prev.lang && setTitle());

// The map's worker starts while the first view's data arrive.
prewarmMap();
createRoot(document.getElementById('root')!).render(
  <EmbedApp
    store={store}
    dataBase={dataBaseUrl()}
    appBase={new URL('./', window.location.href).href}
    onController={(c) => {
      controller = c;
      if (c) bridge.announceReady();
    }}
  />,
);
