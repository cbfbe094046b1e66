import { useEffect, useRef } from 'react';
import type { RegionData } from '../../data/load-region';
import {
  mountCoverage,
  setCommuneDistances,
  setCommuneIncomplete,
  setCommunePaint,
  setGap,
  setSims,
  setSuggestions,
  unmountCoverage,
} from '../../map/coverage-overlay';
import type { MapController } from '../../map/map-controller';
import { useApp, useAppStore } from '../../store/react';
import type { CoverageAnalysis } from './useCoverageAnalysis';

const PAINT_INTERVAL_MS = 120;

/** Keep the coverage layers of the map in step with the analysis, while the coverage view is open. */
export function useCoverageMap(controller: MapController | null, data: RegionData, analysis: CoverageAnalysis): void {
  const { thresholdKm, nearest, extras, settings } = analysis;
  useEffect(() => {
    if (!controller) return;
    mountCoverage(controller, thresholdKm, settings.classes);
    return () => {
      unmountCoverage(controller);
    };
    // Mounted once per map; later changes go through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller]);

  useEffect(() => {
    if (controller && nearest) setCommuneDistances(controller, data.communes, nearest.distanceKm);
  }, [controller, data, nearest]);

  const { incomplete } = analysis;
  useEffect(() => {
    if (controller) setCommuneIncomplete(controller, data.communes, incomplete);
  }, [controller, data, incomplete]);

  // While the slider is dragged the figures follow every step, the map at most
  // every PAINT_INTERVAL_MS: each paint change makes MapLibre re-evaluate the
  // fill of all 4,446 communes (tens of ms on a slow machine).
  const paintTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastPaint = useRef(0);
  useEffect(() => {
    if (!controller) return;
    const apply = () => {
      lastPaint.current = performance.now();
      paintTimer.current = null;
      setCommunePaint(controller, thresholdKm, settings.classes);
    };
    if (paintTimer.current) clearTimeout(paintTimer.current);
    const wait = PAINT_INTERVAL_MS - (performance.now() - lastPaint.current);
    if (wait <= 0) apply();
    else paintTimer.current = setTimeout(apply, wait);
  }, [controller, thresholdKm, settings.classes]);
  useEffect(() => () => {
    if (paintTimer.current) clearTimeout(paintTimer.current);
  }, []);

  useEffect(() => {
    if (!controller || !extras) return;
    setGap(controller, extras.gap, extras.outline);
    setSuggestions(controller, extras.suggestions);
  }, [controller, extras]);

  useEffect(() => {
    if (controller) setSims(controller, analysis.sims);
  }, [controller, analysis.sims]);

  useAddSiteOnClick(controller, data);
}

/** In "Ajouter un site test" mode, a click on the map (not on a marker) adds a hypothetical site there. */
function useAddSiteOnClick(controller: MapController | null, data: RegionData): void {
  const store = useAppStore();
  const addMode = useApp((s) => s.coverageAddMode);
  useEffect(() => {
    if (!controller || !addMode) return;
    const previousCursor = controller.setCursor('crosshair');
    const markerLayers = controller.markerLayerIds();
    const unsubscribe = controller.onClick((click) => {
      // A click on a structure keeps its usual meaning (open its card).
      if (click.featuresAt(markerLayers).length > 0) return;
      const state = store.getState();
      const type = state.coverageSimType ?? state.coverage.types?.[0] ?? data.config.offerTypes[0]?.id;
      if (!type) return;
      state.addSim({ lon: Math.round(click.lon * 1e4) / 1e4, lat: Math.round(click.lat * 1e4) / 1e4, type });
    });
    return () => {
      unsubscribe();
      controller.setCursor(previousCursor);
    };
  }, [controller, addMode, data, store]);
}
