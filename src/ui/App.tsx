import { useEffect, useState } from 'react';
import type { AppStore } from '../store/app-store';
import { StoreContext, useApp, useT } from '../store/react';
import { MapContext } from '../map/map-context';
import type { MapController } from '../map/map-controller';
import { MapPane } from './MapPane';
import { Header } from './Header';
import { SidePanel } from './SidePanel';
import { useRegionData } from './useRegionData';
import { ScopeLayer } from './ScopeLayer';
import { usePartnerData } from '../store/usePartnerData';
import { ImportSync } from './import/ImportSync';
import { CorrectionHost } from './correction/CorrectionHost';
import { PartBoundary } from './lazy-part';

/** The full application: a composition of panels, each owning its concern. */
export function App({ store }: { store: AppStore }) {
  return (
    <StoreContext.Provider value={store}>
      {/* Whatever fails to render says so rather than blanking the page. */}
      <PartBoundary>
        <Shell />
      </PartBoundary>
    </StoreContext.Provider>
  );
}

function Shell() {
  useRegionData();
  usePartnerData();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const data = useApp((s) => s.data);
  const loadError = useApp((s) => s.loadError);
  const [controller, setController] = useState<MapController | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  return (
    <MapContext.Provider value={controller}>
      <div className="app">
        <a className="skip-link" href="#search">
          {t('app.skip')}
        </a>
        <Header />
        <main className="app-main">
          {loadError ? (
            <p className="load-error" role="alert">
              {t('app.loadError', { detail: loadError })}
            </p>
          ) : !data ? (
            <p className="loading" role="status">
              {t('app.loading')}
            </p>
          ) : (
            <>
              <SidePanel />
              <MapPane onController={setController} />
              <ImportSync />
              <ScopeLayer />
              <CorrectionHost />
            </>
          )}
        </main>
      </div>
    </MapContext.Provider>
  );
}
