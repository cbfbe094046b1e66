import { useEffect } from 'react';
import type { RegionData } from '../data/load-region';
import { useApp, useAppStore } from './react';
import { loadPartnerStructures } from './partner-data';
import { partnerDecision } from '../domain/partner-origin';

// Region data whose structures were replaced by a partner file, mapped to the
// region's own data, so that removing `data=` brings the catalogue back.
const official = new WeakMap<RegionData, RegionData>();

/** Replaces the catalogue by the partner's structures file when `data=` is set and allowed here (src/domain/partner-origin.ts). */
export function usePartnerData(): void {
  const store = useAppStore();
  const data = useApp((s) => s.data);
  const dataUrl = useApp((s) => s.dataUrl);

  useEffect(() => {
    if (!data) return;
    const base = official.get(data) ?? data;
    if (!dataUrl) {
      if (base !== data) store.getState().setData(base);
      if (store.getState().partnerData) store.getState().setPartnerData(null);
      return;
    }
    const decision = partnerDecision(dataUrl, { embedded: store.getState().embedded, partnerOrigins: base.config.partnerOrigins });
    if (!decision.allowed && decision.reason === 'appOnly') {
      if (base !== data) store.getState().setData(base);
      const current = store.getState().partnerData;
      if (current?.status !== 'ignored' || current.url !== dataUrl) store.getState().setPartnerData({ status: 'ignored', url: dataUrl, host: decision.host });
      return;
    }
    const current = store.getState().partnerData;
    if (base !== data && current?.status === 'loaded' && current.url === dataUrl) return;
    let cancelled = false;
    store.getState().setPartnerData({ status: 'loading', url: dataUrl });
    void loadPartnerStructures(dataUrl, base).then(({ partner, structures }) => {
      if (cancelled) return;
      if (structures) {
        const replaced: RegionData = { ...base, structures };
        official.set(replaced, base);
        store.getState().setData(replaced);
        // setData keeps partnerData; the url recorded is the one asked for, so the check above matches.
        store.getState().setPartnerData({ ...partner, url: dataUrl });
      } else {
        if (base !== data) store.getState().setData(base);
        store.getState().setPartnerData(partner);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [data, dataUrl, store]);
}
