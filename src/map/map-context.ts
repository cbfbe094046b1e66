import { createContext, useContext } from 'react';
import type { MapController } from './map-controller';

/** The map of the nearest MapPane, or null before it has loaded (or without WebGL). */
export const MapContext = createContext<MapController | null>(null);

export function useMapController(): MapController | null {
  return useContext(MapContext);
}
