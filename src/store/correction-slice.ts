import type { GetState, SetState } from './app-store';

/** What the correction form starts from: a catalogue structure, or a département and type for a missing one. */
export interface CorrectionRequest {
  structureId?: string;
  departement?: string;
  type?: string;
}

/**
 * The "Proposer une correction" / "Signaler une structure manquante" form (src/ui/correction/):
 * open when `correction` is set. Any panel can open it, e.g. the completeness view with
 * `openCorrection({ departement: '11', type: 'maison_region' })`.
 */
export interface CorrectionSlice {
  correction: CorrectionRequest | null;

  openCorrection(request?: CorrectionRequest): void;
  closeCorrection(): void;
}

export const createCorrectionSlice = (set: SetState, _get: GetState): CorrectionSlice => ({
  correction: null,

  openCorrection: (request = {}) => set({ correction: { ...request } }),
  closeCorrection: () => set({ correction: null }),
});
