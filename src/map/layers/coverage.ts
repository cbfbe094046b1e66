import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CLASS_COLORS, distanceBreaks } from '../../domain/coverage/classes';
import { LAYER, ON_COMMUNES } from '../style';

// Coverage layers as data (tests read them as plain objects; coverage-overlay.ts
// hands them to MapLibre). The commune fill reads each commune's distance from
// feature-state `covd` on the existing 'communes' source (promoteId 'code'),
// set once per recomputation; moving the threshold only changes paint
// expressions, never 4,446 feature states.

export const COVERAGE_SOURCE = {
  gap: 'coverage-gap',
  sims: 'coverage-sims',
  suggestions: 'coverage-suggestions',
} as const;

export const COVERAGE_LAYER = {
  communes: 'coverage-communes',
  territory: 'coverage-territory',
  gapFill: 'coverage-gap-fill',
  gapLine: 'coverage-gap-line',
  suggestionCircle: 'coverage-suggestion-circle',
  suggestionLabel: 'coverage-suggestion-label',
  simHalo: 'coverage-sim-halo',
  simSymbol: 'coverage-sim-symbol',
} as const;

/** Feature-state key holding a commune's distance in km (NO_OFFER_KM when unreachable). */
export const DISTANCE_STATE = 'covd';
/** Stands for "no offer": feature-state wants a finite number. */
export const NO_OFFER_KM = 1e9;
export const HATCH_IMAGE = 'coverage-hatch';
export const BEYOND_COLOR = '#c2410c';
/** Beyond the threshold where the catalogue is incomplete: not a certain gap, drawn neutral. */
export const UNKNOWN_COLOR = '#7a7a7a';
/** Feature-state key: 1 when the commune's département lacks expected offers of a selected type. */
export const INCOMPLETE_STATE = 'covu';

const distance: ExpressionSpecification = ['coalesce', ['feature-state', DISTANCE_STATE], -1];
const incomplete: ExpressionSpecification = ['==', ['coalesce', ['feature-state', INCOMPLETE_STATE], 0], 1];

/** Paint of the commune fill: beyond-the-threshold highlight, or distance classes. */
export function communePaint(
  thresholdKm: number,
  classes: boolean,
): { 'fill-color': ExpressionSpecification | string; 'fill-opacity': ExpressionSpecification } {
  if (!classes) {
    return {
      'fill-color': ['case', incomplete, UNKNOWN_COLOR, BEYOND_COLOR],
      // A commune exactly at the threshold is covered: strictly greater is beyond.
      'fill-opacity': ['case', ['>', distance, thresholdKm], ['case', incomplete, 0.5, 0.42], 0],
    };
  }
  const [b0, b1, b2, b3] = distanceBreaks(thresholdKm);
  return {
    'fill-color': [
      'case',
      ['all', ['>', distance, thresholdKm], incomplete],
      UNKNOWN_COLOR,
      ['<=', distance, b0],
      CLASS_COLORS[0],
      ['<=', distance, b1],
      CLASS_COLORS[1],
      ['<=', distance, b2],
      CLASS_COLORS[2],
      ['<=', distance, b3],
      CLASS_COLORS[3],
      CLASS_COLORS[4],
    ],
    'fill-opacity': ['case', ['<', distance, 0], 0, 0.62],
  };
}

export function coverageCommuneLayer(thresholdKm: number, classes: boolean): LayerSpecification {
  return { id: COVERAGE_LAYER.communes, type: 'fill', ...ON_COMMUNES, paint: communePaint(thresholdKm, classes) };
}

/** Outline of the territory chosen for the printable sheet (by département or by commune codes). */
export function territoryLayer(filter: { dept: string } | { codes: string[] }): LayerSpecification {
  return {
    id: COVERAGE_LAYER.territory,
    type: 'line',
    ...ON_COMMUNES,
    filter: 'dept' in filter ? ['==', ['get', 'dept'], filter.dept] : ['in', ['get', 'code'], ['literal', filter.codes]],
    paint: { 'line-color': '#111111', 'line-width': 1.6 },
  };
}

/** Layers drawn above the commune fill, bottom to top. */
export function coverageOverlayLayers(): LayerSpecification[] {
  return [
    // The gap source holds the grid cells (part 'cells', filled only) and their outline (part 'outline', dashed only):
    // no inner cell edges drawn. A plain polygon (the whole region) gets both.
    {
      id: COVERAGE_LAYER.gapFill,
      type: 'fill',
      source: COVERAGE_SOURCE.gap,
      filter: ['!=', ['get', 'part'], 'outline'],
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 },
    },
    {
      id: COVERAGE_LAYER.gapLine,
      type: 'line',
      source: COVERAGE_SOURCE.gap,
      filter: ['!=', ['get', 'part'], 'cells'],
      paint: { 'line-color': '#7f2704', 'line-width': 1.2, 'line-dasharray': [2, 1.5] },
    },
    {
      id: COVERAGE_LAYER.suggestionCircle,
      type: 'circle',
      source: COVERAGE_SOURCE.suggestions,
      paint: { 'circle-radius': 12, 'circle-color': '#ffffff', 'circle-stroke-color': '#6a3d9a', 'circle-stroke-width': 3 },
    },
    {
      id: COVERAGE_LAYER.suggestionLabel,
      type: 'symbol',
      source: COVERAGE_SOURCE.suggestions,
      // No glyphs: the rank is an image drawn on demand ('label-<text>', see map-controller).
      layout: { 'icon-image': ['concat', 'label-', ['to-string', ['get', 'rank']]], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
    {
      id: COVERAGE_LAYER.simHalo,
      type: 'circle',
      source: COVERAGE_SOURCE.sims,
      paint: { 'circle-radius': 14, 'circle-color': 'rgba(255,255,255,0.85)', 'circle-stroke-color': '#111111', 'circle-stroke-width': 2.5 },
    },
    {
      id: COVERAGE_LAYER.simSymbol,
      type: 'symbol',
      source: COVERAGE_SOURCE.sims,
      layout: { 'icon-image': ['concat', 'marker-', ['get', 'type']], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
  ];
}

/** The commune fill goes under the commune and département borders. */
export const COMMUNE_FILL_BEFORE = LAYER.communesLine;
