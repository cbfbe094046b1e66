import type { ReactNode } from 'react';
import { regionComplete } from '../data/load-region';
import { useApp, useT } from '../store/react';

/**
 * Shows its children once the commune list and contours have arrived (they come after
 * the map's first paint: src/data/load-region.ts), and "Chargement des communes…" until then.
 */
export function WhenCommunes({ children }: { children: ReactNode }) {
  const t = useT();
  const ready = useApp((s) => regionComplete(s.data));
  if (ready) return children;
  return (
    <p className="loading" role="status" data-testid="communes-loading">
      {t('app.communesLoading')}
    </p>
  );
}
