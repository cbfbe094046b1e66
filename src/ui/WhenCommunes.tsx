import type { ReactNode } from 'react';
import { regionComplete } from '../data/load-region';
import { useApp, useT } from '../store/react';
import { useRegionContours } from './useRegionContours';

/**
 * Shows its children once the commune list and contours have arrived (they come after
 * the map's first paint: src/data/load-region.ts), and "Chargement des communes…" until
 * then. With `parsed`, also once the contours are parsed on the page's thread, for
 * children that read their shapes (`useRegionContours`).
 */
export function WhenCommunes({ children, parsed = false }: { children: ReactNode; parsed?: boolean }) {
  const t = useT();
  const data = useApp((s) => s.data);
  const contours = useRegionContours(parsed ? data : null);
  if (regionComplete(data) && (!parsed || contours)) return children;
  return (
    <p className="loading" role="status" data-testid="communes-loading">
      {t('app.communesLoading')}
    </p>
  );
}
