import { useEffect, useMemo, useRef, useState } from 'react';
import { MapController } from '../map/map-controller';
import { importHaloLayers } from '../map/layers/import';
import { useApp, useAppStore, useT } from '../store/react';
import { filterStructures } from '../domain/filter';
import { selectAllStructures, selectLayerColours } from '../store/import-slice';
import { renderCommuneDetails } from './CommuneDetails';
import type { AppState } from '../store/app-store';
import { scopeNamesPlace } from '../domain/embed-scope';

/**
 * Whether the map's first view stays where it opens: a link to a partner's territory, a
 * place (`from`) or a structure without a view of its own moves the camera right after it.
 */
function firstViewStays(state: AppState): boolean {
  return state.view !== null || !(scopeNamesPlace(state.scope) || state.origin || state.selectedId);
}

/** Mounts the map once the region's data is loaded and keeps it in step with the store. */
export function MapPane({ onController }: { onController(controller: MapController | null): void }) {
  const container = useRef<HTMLDivElement>(null);
  const store = useAppStore();
  const t = useT();
  const data = useApp((s) => s.data);
  // The map is built from the region's first view; the commune list that arrives later is
  // handed to it (setTerritory) without rebuilding it, and it draws the communes once the
  // first view is drawn.
  const config = data?.config;
  const dataRef = useRef(data);
  dataRef.current = data;
  const filter = useApp((s) => s.filter);
  const structures = useApp(selectAllStructures);
  const halos = useApp(selectLayerColours);
  const selectedId = useApp((s) => s.selectedId);
  const [controller, setController] = useState<MapController | null>(null);
  const [failed, setFailed] = useState(false);
  const [communesShown, setCommunesShown] = useState(false);

  useEffect(() => {
    const data = dataRef.current;
    if (!data || !container.current) return;
    let created: MapController;
    try {
      const deptNames = new Map(data.departements.features.map((f) => [f.properties.code, f.properties.nom]));
      created = new MapController({
        container: container.current,
        data,
        initialView: store.getState().view,
        prefetchCommuneTiles: firstViewStays(store.getState()),
        structures: { list: filterStructures(selectAllStructures(store.getState()), store.getState().filter), halos: selectLayerColours(store.getState()) },
        // The imported layers' halos (src/ui/import/ImportSync.tsx); an embedded map has no imports.
        overlays: store.getState().embedded ? [] : importHaloLayers(),
        ariaLabel: t('map.label', { region: data.config.name[store.getState().lang] }),
        callbacks: {
          onSelectStructure: (id) => store.getState().select(id),
          onViewChange: (view) => store.getState().setView(view),
          renderCommune: (c) => renderCommuneDetails(c, store.getState().lang, deptNames.get(c.dept)),
          onCommunesShown: () => {
            setCommunesShown(true);
            // What the panels compute with comes next (the map needs none of it).
            store.getState().wantContours();
          },
        },
      });
    } catch (error) {
      console.error(error);
      setFailed(true);
      // Nothing to wait for: the rest of the data may come.
      store.setState({ firstViewDrawn: true });
      store.getState().wantContours();
      return;
    }
    void created.whenReady().then(() => {
      // The markers as they are now, if they changed while the map loaded (nothing to do otherwise).
      created.setStructures(filterStructures(selectAllStructures(store.getState()), store.getState().filter), selectLayerColours(store.getState()));
      void created.whenSettled(10_000).then(() => {
        store.setState({ firstViewDrawn: true });
        created.showCommunes();
      });
      setController(created);
      onController(created);
      // A link to a structure without a camera position opens on that structure.
      const { selectedId, view } = store.getState();
      const selected = selectedId ? selectAllStructures(store.getState()).find((s) => s.id === selectedId) : undefined;
      if (!view && selected && selected.lon !== null && selected.lat !== null) created.flyTo(selected.lon, selected.lat, 11);
    });
    return () => {
      setCommunesShown(false);
      setController(null);
      onController(null);
      created.destroy();
    };
    // The map is rebuilt only when the region changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config]);
  useEffect(() => {
    if (data) controller?.setTerritory(data);
  }, [controller, data]);

  const visible = useMemo(() => filterStructures(structures, filter), [structures, filter]);
  useEffect(() => controller?.setStructures(visible, halos), [controller, visible, halos]);
  useEffect(() => controller?.setSelected(selectedId), [controller, selectedId]);

  return (
    <div className="map-pane">
      <div
        ref={container}
        className="map-canvas"
        data-testid="map"
        data-ready={controller ? 'true' : 'false'}
        // Tests and benchmarks: whether the commune list (after the first paint) is in and
        // the communes are drawn. The contours for the panels come after (`contoursWanted`).
        data-communes={controller && communesShown && data?.communesReady ? 'true' : 'false'}
      />
      {failed && (
        <p className="map-fallback" role="alert">
          {t('app.mapUnavailable')}
        </p>
      )}
    </div>
  );
}
