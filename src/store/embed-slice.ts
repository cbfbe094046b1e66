import { NO_SCOPE, type Scope } from '../domain/embed-scope';
import type { Issue } from '../domain/types';
import type { GetState, SetState } from './app-store';

/** Outcome of loading a partner's own structures file (`data=`). */
export type PartnerData =
  | { status: 'loading'; url: string }
  /** `host`: the server the structures come from, named wherever they are shown. */
  | { status: 'loaded'; url: string; host: string; kind: 'csv' | 'geojson'; count: number; rows: number; issues: Issue[] }
  /** Not shown: the full app shows a partner file only for origins the region allows (src/domain/partner-origin.ts). */
  | { status: 'ignored'; url: string; host: string }
  /** `reason` names a message in src/i18n/messages/embed.ts (partner.reason.*); `message` is its English text. */
  | { status: 'failed'; url: string; message: string; reason?: { key: string; params: Record<string, string | number> } };

/**
 * The territory the map is limited to (EPCI, commune, radius) and a partner's
 * own structures file. Both live in the URL (see embed-url.ts), so an embed
 * and its "plein écran" link show the same offer.
 */
export interface EmbedSlice {
  /** As written by the partner; resolved against the region in src/store/scope-binding.ts. */
  scope: Scope;
  /** URL of a partner's structures file (CSV or GeoJSON) replacing the catalogue, or null. */
  dataUrl: string | null;
  partnerData: PartnerData | null;
  /** The query string (or the component's attributes) the map started from, checked by src/store/param-check.ts. */
  startParams: string | null;
  /** The region asked for when it is unknown, and the one shown instead. */
  regionFallback: { asked: string; shown: string } | null;
  /** Unusable entries of `origins=` (iframe page): no message is exchanged with the host page. */
  unusableOrigins: string[] | null;

  setScope(patch: Partial<Scope>): void;
  setPartnerData(partner: PartnerData | null): void;
}

export const createEmbedSlice = (set: SetState, get: GetState): EmbedSlice => ({
  scope: NO_SCOPE,
  dataUrl: null,
  partnerData: null,
  startParams: null,
  regionFallback: null,
  unusableOrigins: null,

  setScope: (patch) => set({ scope: { ...get().scope, ...patch } }),
  setPartnerData: (partnerData) => set({ partnerData }),
});
