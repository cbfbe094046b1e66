import { useEffect, useRef } from 'react';
import type { Origin } from '../../domain/search/origin';
import { searchFeatures, searchLayers, SEARCH_LAYERS, SEARCH_SOURCE } from '../../map/layers/search';
import { useMapController } from '../../map/map-context';
import { useNearAnswer, usePlace } from './useNear';

const LINKS = 5;

/** Draws the origin and lines to the nearest structures, and frames them when the origin changes. */
export function SearchMapLayer() {
  const controller = useMapController();
  const place = usePlace();
  const answer = useNearAnswer(LINKS);
  const framed = useRef<Origin | null>(null);

  useEffect(() => {
    if (!controller) return;
    controller.setSourceData(SEARCH_SOURCE, searchFeatures(null, []));
    controller.setLayers(searchLayers());
    return () => controller.removeLayers(Object.values(SEARCH_LAYERS));
  }, [controller]);

  useEffect(() => {
    if (!controller) return;
    const targets = (answer?.results ?? []).map((n) => ({ id: n.item.id, lon: n.item.lon!, lat: n.item.lat! }));
    controller.setSourceData(SEARCH_SOURCE, searchFeatures(place?.ok ? place : null, targets));
  }, [controller, place, answer]);

  useEffect(() => {
    if (!controller || !place?.ok || framed.current === place.origin) return;
    framed.current = place.origin;
    const points = [[place.lon, place.lat], ...(answer?.results ?? []).slice(0, 3).map((n) => [n.item.lon!, n.item.lat!])];
    const lons = points.map((p) => p[0]!);
    const lats = points.map((p) => p[1]!);
    // On a phone the bottom sheet covers the lower half of the map: keep the answer above it.
    const phone = window.matchMedia?.('(max-width: 700px)').matches;
    const sheet = document.querySelector('[data-testid="side-panel"]')?.getBoundingClientRect().height ?? 0;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    controller.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: { top: 40, left: 40, right: 40, bottom: phone ? Math.min(sheet + 20, 400) : 40 }, maxZoom: 11, duration: reduced ? 0 : 800 },
    );
  }, [controller, place, answer]);

  return null;
}
