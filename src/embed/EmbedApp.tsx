import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { AppStore } from '../store/app-store';
import { StoreContext, useApp, useAppStore, useT } from '../store/react';
import { writeUrlState } from '../store/url-state';
import { MapContext } from '../map/map-context';
import type { MapController } from '../map/map-controller';
import { MapPane } from '../ui/MapPane';
import { SidePanel } from '../ui/SidePanel';
import { ScopeLayer } from '../ui/ScopeLayer';
import { ScopeNotice } from '../ui/ScopeNotice';
import { useRegionData } from '../ui/useRegionData';
import { tabVisible } from '../ui/visible-parts';
import { usePartnerData } from '../store/usePartnerData';

export interface EmbedProps {
  store: AppStore;
  /** URL of the generated data folder (ends with "/"). */
  dataBase: string;
  /** URL of the full app (its folder, ends with "/"), for the "plein écran" link. */
  appBase: string;
  onController?(controller: MapController | null): void;
}

/** Below these sizes (px) of its slot, the embed folds its panel into a toggle over the map. */
export const COMPACT_WIDTH = 600;
export const COMPACT_HEIGHT = 420;

/** The embedded map: the app's map and panels, without its header, sized by its slot. */
export function EmbedApp(props: EmbedProps) {
  return (
    <StoreContext.Provider value={props.store}>
      <EmbedShell {...props} />
    </StoreContext.Provider>
  );
}

function EmbedShell({ dataBase, appBase, onController }: EmbedProps) {
  useRegionData(dataBase);
  usePartnerData();
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const data = useApp((s) => s.data);
  const loadError = useApp((s) => s.loadError);
  const partner = useApp((s) => s.partnerData);
  const parts = useApp((s) => s.parts);
  const hasSelection = useApp((s) => s.selectedId !== null);
  const [controller, setController] = useState<MapController | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const compact = useCompact(root);
  const compactRef = useRef(compact);
  compactRef.current = compact;

  // Folded by default in a small slot, always unfolded in a large one.
  useEffect(() => {
    if (compact !== null) store.getState().setPanelOpen(!compact);
  }, [compact, store]);
  // A structure picked on the map shows its card, even from a folded panel.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.selectedId && s.selectedId !== prev.selectedId && !s.panelOpen) s.setPanelOpen(true);
      }),
    [store],
  );

  // The first partner file is awaited before the map is drawn; a later one (a changed
  // `data` attribute) only replaces the catalogue: the map stays.
  const [mapShown, setMapShown] = useState(false);
  const ready = data !== null && (partner?.status !== 'loading' || mapShown);
  if (ready && !mapShown) setMapShown(true);
  const hasPanel = ['list', 'search', 'coverage'].some((id) => tabVisible(id as 'list', parts, true, hasSelection));

  return (
    <MapContext.Provider value={controller}>
      <div
        ref={root}
        className={`maillage-embed ${compact ? 'is-compact' : 'is-wide'}`}
        lang={lang}
        data-testid="embed-root"
        role="region"
        aria-label={t('embed.label')}
      >
        <div className="app-main">
          {loadError ? (
            <p className="load-error" role="alert">
              {t('app.loadError', { detail: loadError })}
            </p>
          ) : !ready ? (
            <p className="loading" role="status">
              {t(partner?.status === 'loading' ? 'partner.loading' : 'app.loading')}
            </p>
          ) : (
            <>
              <SidePanel />
              <MapPane
                onController={(c) => {
                  // In a small slot the credits fold behind their (i) button, as on a phone.
                  if (c && compactRef.current) c.foldAttribution();
                  setController(c);
                  onController?.(c);
                }}
              />
              <ScopeLayer />
              {!hasPanel && (
                <div className="embed-notices">
                  <ScopeNotice />
                </div>
              )}
            </>
          )}
        </div>
        <FullscreenLink appBase={appBase} />
      </div>
    </MapContext.Provider>
  );
}

/** Whether the slot is small (null until measured); follows resizes of the slot, not of the window. */
function useCompact(ref: RefObject<HTMLElement | null>): boolean | null {
  const [compact, setCompact] = useState<boolean | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      setCompact(width < COMPACT_WIDTH || height < COMPACT_HEIGHT);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return compact;
}

/** "Plein écran": the full app with the same parameters (region, filters, territory, view…), minus the embed's own ones. */
function FullscreenLink({ appBase }: { appBase: string }) {
  const t = useT();
  const state = useApp((s) => s);
  const href = useMemo(() => `${appBase}${writeUrlState(state)}`, [appBase, state]);
  return (
    <a className="embed-fullscreen" href={href} target="_blank" rel="noopener" title={t('embed.fullscreenHint')} data-testid="embed-fullscreen">
      <span aria-hidden="true">⤢</span> {t('embed.fullscreen')}
    </a>
  );
}
