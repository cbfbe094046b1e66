import { useEffect } from 'react';
import { loadRegion } from '../data/load-region';
import { useApp, useAppStore } from '../store/react';

/** Loads the current region's data into the store, and reports failures in words. */
export function useRegionData(baseUrl?: string): void {
  const store = useAppStore();
  const regionId = useApp((s) => s.regionId);
  useEffect(() => {
    let cancelled = false;
    loadRegion(regionId, baseUrl)
      .then((loaded) => {
        if (!cancelled) store.getState().setData(loaded.data, loaded.structures);
      })
      .catch((error: unknown) => {
        if (!cancelled) store.getState().setLoadError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [regionId, baseUrl, store]);
}
