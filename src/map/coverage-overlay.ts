// Imperative side of the coverage layers: the one place where the coverage
// view talks to MapLibre (through the MapController). React calls these from
// effects; every function is safe to call again with new data.
import type { Feature, FeatureCollection } from 'geojson';
import type { Commune } from '../domain/types';
import type { MapController } from './map-controller';
import {
  COMMUNE_FILL_BEFORE,
  communePaint,
  COVERAGE_LAYER,
  COVERAGE_SOURCE,
  coverageCommuneLayer,
  coverageOverlayLayers,
  DISTANCE_STATE,
  HATCH_IMAGE,
  INCOMPLETE_STATE,
  NO_OFFER_KM,
  territoryLayer,
} from './layers/coverage';
import { SOURCE } from './style';
import { drawHatch } from './hatch';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Add the coverage sources and layers (idempotent). */
export function mountCoverage(controller: MapController, thresholdKm: number, classes: boolean): void {
  controller.addImageOnce(HATCH_IMAGE, drawHatch(), 2);
  for (const id of Object.values(COVERAGE_SOURCE)) if (!controller.hasSource(id)) controller.setSourceData(id, empty());
  if (!controller.hasLayer(COVERAGE_LAYER.communes)) controller.addLayerBefore(coverageCommuneLayer(thresholdKm, classes), COMMUNE_FILL_BEFORE);
  if (!controller.hasLayer(COVERAGE_LAYER.gapFill)) controller.setLayers(coverageOverlayLayers());
}

export function unmountCoverage(controller: MapController): void {
  controller.removeLayers([...Object.values(COVERAGE_LAYER)]);
}

/** Each commune's distance into feature-state, once per recomputation. */
export function setCommuneDistances(controller: MapController, communes: readonly Commune[], distanceKm: Float64Array): void {
  for (let i = 0; i < communes.length; i++) {
    const d = distanceKm[i]!;
    controller.setFeatureState(SOURCE.communes, communes[i]!.code, { [DISTANCE_STATE]: Number.isFinite(d) ? d : NO_OFFER_KM });
  }
}

/** Mark the communes of départements where the catalogue is incomplete (drawn as unknown beyond the threshold). */
export function setCommuneIncomplete(controller: MapController, communes: readonly Commune[], incomplete: ReadonlySet<string>): void {
  for (const c of communes) controller.setFeatureState(SOURCE.communes, c.code, { [INCOMPLETE_STATE]: incomplete.has(c.dept) ? 1 : 0 });
}

/** Threshold or classes changed: only paint expressions change. */
export function setCommunePaint(controller: MapController, thresholdKm: number, classes: boolean): void {
  const paint = communePaint(thresholdKm, classes);
  controller.setPaint(COVERAGE_LAYER.communes, { 'fill-color': paint['fill-color'], 'fill-opacity': paint['fill-opacity'] });
}

/** The gap area: its grid cells filled and their outline dashed (see coverageOverlayLayers); a gap without outline is drawn whole. */
export function setGap(controller: MapController, gap: Feature | null, outline: Feature | null = null): void {
  const features: Feature[] = !gap
    ? []
    : outline
      ? [
          { ...gap, properties: { part: 'cells' } },
          { ...outline, properties: { part: 'outline' } },
        ]
      : [gap];
  controller.setSourceData(COVERAGE_SOURCE.gap, { type: 'FeatureCollection', features });
}

export function setSims(controller: MapController, sims: ReadonlyArray<{ lon: number; lat: number; type: string }>): void {
  controller.setSourceData(COVERAGE_SOURCE.sims, {
    type: 'FeatureCollection',
    features: sims.map((s, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] }, properties: { index: i, type: s.type } })),
  });
}

export function setSuggestions(controller: MapController, suggestions: ReadonlyArray<{ lon: number; lat: number; rank: number }>): void {
  controller.setSourceData(COVERAGE_SOURCE.suggestions, {
    type: 'FeatureCollection',
    features: suggestions.map((s) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [s.lon, s.lat] }, properties: { rank: s.rank } })),
  });
}

/** Outline a territory (printable sheet), or clear it with null. */
export function setTerritoryOutline(controller: MapController, filter: { dept: string } | { codes: string[] } | null): void {
  controller.removeLayers([COVERAGE_LAYER.territory]);
  if (filter) controller.setLayers([territoryLayer(filter)]);
}

/** The map as a PNG data URL (the map keeps its drawing buffer for this). */
export function mapImage(controller: MapController): string {
  return controller.toPNG();
}
