import { useMemo } from 'react';
import { nearStructures, parcours, type NearAnswer, type StageStep } from '../../domain/search/near';
import { nearest } from '../../domain/search/nearest';
import { isInRegion, type Origin } from '../../domain/search/origin';
import type { Commune } from '../../domain/types';
import { useApp } from '../../store/react';
import { regionIndexes, structureIndex } from './indexes';
import { selectAllStructures } from '../../store/import-slice';

/** Where an origin is, once checked against the region's data. */
export type Place =
  | { ok: true; origin: Origin; lon: number; lat: number; commune: Commune | null; closest: Commune | null; inRegion: boolean }
  | { ok: false; origin: Origin; code: string };

/** The current origin resolved against the region: its point, its commune or the closest one, in or out. */
export function usePlace(): Place | null {
  const data = useApp((s) => s.data);
  const origin = useApp((s) => s.origin);
  return useMemo(() => {
    // Until the commune list arrives (after the first paint), the place is not known yet.
    if (!data || !origin || !data.communesReady) return null;
    if (origin.kind === 'commune') {
      const commune = data.communeByCode.get(origin.code);
      if (!commune) return { ok: false, origin, code: origin.code };
      return { ok: true, origin, lon: commune.lon, lat: commune.lat, commune, closest: commune, inRegion: true };
    }
    const closest = nearest(regionIndexes(data).communePoints, origin.lon, origin.lat, 1)[0]?.item ?? null;
    return { ok: true, origin, lon: origin.lon, lat: origin.lat, commune: null, closest, inRegion: isInRegion(data.region, origin.lon, origin.lat) };
  }, [data, origin]);
}

/** The k nearest structures passing the current filters, from the current place. */
export function useNearAnswer(k: number): NearAnswer | null {
  const data = useApp((s) => s.data);
  const structures = useApp(selectAllStructures);
  const filter = useApp((s) => s.filter);
  const place = usePlace();
  return useMemo(() => {
    if (!data || !place?.ok) return null;
    return nearStructures(structureIndex(structures), structures, place.lon, place.lat, filter, k);
  }, [data, structures, filter, place, k]);
}

export function useParcours(): StageStep[] | null {
  const data = useApp((s) => s.data);
  const structures = useApp(selectAllStructures);
  const filter = useApp((s) => s.filter);
  const place = usePlace();
  return useMemo(() => {
    if (!data || !place?.ok) return null;
    return parcours(structureIndex(structures), data.config.stages, place.lon, place.lat, filter);
  }, [data, structures, filter, place]);
}
