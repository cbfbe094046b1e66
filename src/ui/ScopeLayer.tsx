import { useEffect, useMemo, useRef } from 'react';
import { resolvedScope } from '../store/scope-binding';
import { useMapController } from '../map/map-context';
import { SCOPE_LAYER, SCOPE_SOURCE, scopeCircles, scopeLayers } from '../map/layers/scope';
import { useApp, useAppStore } from '../store/react';

/**
 * Draws the partner's territory and frames the map on it when the scope
 * changes (unless the URL gave a view). Renders nothing itself.
 */
export function ScopeLayer() {
  const controller = useMapController();
  const store = useAppStore();
  // Mounted with the map, before its first move: a view here came from the link.
  const linkedView = useRef(store.getState().view !== null);
  const data = useApp((s) => s.data);
  const scope = useApp((s) => s.scope);
  const resolved = useMemo(() => resolvedScope({ data, scope }), [data, scope]);
  const framedKey = useRef<string | null>(null);

  useEffect(() => {
    if (!controller || !resolved) return;
    const codes = resolved.area?.communes ? [...resolved.area.communes] : [];
    const circles = scopeCircles(resolved.parts);
    // No territory, nothing to draw: no empty source for the map's worker to prepare.
    if (codes.length === 0 && circles.features.length === 0) return;
    controller.setSourceData(SCOPE_SOURCE, circles);
    controller.setLayers(scopeLayers(codes));
    return () => {
      controller.removeLayers([SCOPE_LAYER.communes, SCOPE_LAYER.circle]);
    };
  }, [controller, resolved]);

  useEffect(() => {
    if (!controller || !resolved?.bounds) return;
    const key = JSON.stringify(resolved.bounds);
    if (framedKey.current === null && linkedView.current) {
      // The link says where to look: keep it the first time.
      framedKey.current = key;
      return;
    }
    if (framedKey.current === key) return;
    framedKey.current = key;
    const [[w, s], [e, n]] = resolved.bounds;
    const pad = 0.02;
    controller.fitBounds(
      [
        [w - pad, s - pad],
        [e + pad, n + pad],
      ],
      { padding: 24, maxZoom: 12, animate: false },
    );
  }, [controller, resolved]);

  return null;
}
