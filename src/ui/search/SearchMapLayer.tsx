import { useEffect, useRef } from 'react';
import type { Origin } from '../../domain/search/origin';
import { searchFeatures, searchLayers, SEARCH_LAYERS, SEARCH_SOURCE } from '../../map/layers/search';
import { useMapController } from '../../map/map-context';
import { useNearAnswer, usePlace } from './useNear';

const LINKS = 5;

/** Draws the origin and lines to the nearest structures, and frames them all when the origin changes. */
export function SearchMapLayer() {
  const controller = useMapController();
  const place = usePlace();
  const answer = useNearAnswer(LINKS);
  const framed = useRef<Origin | null>(null);

  useEffect(() => {
    if (!controller) return;
    return () => controller.removeLayers(Object.values(SEARCH_LAYERS));
  }, [controller]);

  useEffect(() => {
    if (!controller) return;
    const targets = (answer?.results ?? []).map((n) => ({ id: n.item.id, lon: n.item.lon!, lat: n.item.lat! }));
    const features = searchFeatures(place?.ok ? place : null, targets);
    // Nothing drawn until there is a place: an empty source and its layers added with the
    // first view cost the map's worker a round and the map a redraw before it was still.
    if (features.features.length === 0 && !controller.hasSource(SEARCH_SOURCE)) return;
    controller.setSourceData(SEARCH_SOURCE, features);
    if (!controller.hasLayer(SEARCH_LAYERS.origin)) controller.setLayers(searchLayers());
  }, [controller, place, answer]);

  useEffect(() => {
    if (!controller || !place?.ok || framed.current === place.origin) return;
    framed.current = place.origin;
    // The origin and every result drawn with a line, clear of the panel (beside the map on a desktop,
    // a bottom sheet on a phone, over it in some embeds): only the part that overlaps the map counts.
    const points: Array<[number, number]> = [[place.lon, place.lat], ...(answer?.results ?? []).map((n): [number, number] => [n.item.lon!, n.item.lat!])];
    // The panel of this map: two embedded maps on one page each have their own.
    const root = controller.getContainer().closest('.app-main, .maillage-embed') ?? document;
    const panel = root.querySelector('[data-testid="side-panel"]')?.getBoundingClientRect();
    controller.frame(points, panel ? [panel] : []);
  }, [controller, place, answer]);

  return null;
}
