import { useEffect } from 'react';
import { useApp, useAppStore } from './react';
import { loadPartnerStructures } from './partner-data';
import { partnerDecision } from '../domain/partner-origin';

/**
 * Replaces the catalogue by the partner's structures file when `data=` is set and allowed
 * here (src/domain/partner-origin.ts), and brings the region's own back when it is removed.
 * Only the catalogue changes: the territory, hence the map, stays.
 */
export function usePartnerData(): void {
  const store = useAppStore();
  // The file is checked against the commune list: the effect follows the list, not the
  // contours arriving after it (a partner's first view waits for the list anyway).
  const config = useApp((s) => s.data?.config);
  const communesReady = useApp((s) => s.data?.communesReady ?? false);
  const dataUrl = useApp((s) => s.dataUrl);

  useEffect(() => {
    const data = store.getState().data;
    if (!data) return;
    const state = store.getState();
    const replaced = state.catalogue !== state.regionCatalogue;
    if (!dataUrl) {
      if (replaced) state.setCatalogue(null);
      if (state.partnerData) state.setPartnerData(null);
      return;
    }
    const decision = partnerDecision(dataUrl, { embedded: state.embedded, partnerOrigins: data.config.partnerOrigins });
    if (!decision.allowed && decision.reason === 'appOnly') {
      if (replaced) state.setCatalogue(null);
      const ignored = state.partnerData;
      if (ignored?.status !== 'ignored' || ignored.url !== dataUrl) state.setPartnerData({ status: 'ignored', url: dataUrl, host: decision.host });
      return;
    }
    if (!communesReady) return;
    const current = state.partnerData;
    if (replaced && current?.status === 'loaded' && current.url === dataUrl) return;
    let cancelled = false;
    state.setPartnerData({ status: 'loading', url: dataUrl });
    void loadPartnerStructures(dataUrl, data).then(({ partner, structures }) => {
      if (cancelled) return;
      // Without structures (the file could not be read) the region's own catalogue is shown.
      store.getState().setCatalogue(structures);
      // The url recorded is the one asked for, so the check above matches.
      store.getState().setPartnerData(structures ? { ...partner, url: dataUrl } : partner);
    });
    return () => {
      cancelled = true;
    };
  }, [config, communesReady, dataUrl, store]);
}
