import { useEffect, type ReactNode } from 'react';
import { contoursFailure } from '../data/contours';
import { regionComplete } from '../data/load-region';
import { useApp, useAppStore, useT } from '../store/react';
import { useRegionContours } from './useRegionContours';

/**
 * Shows its children once the commune list and contours have arrived (they come after
 * the map's first paint: src/data/load-region.ts), and "Chargement des communes…" until
 * then; being shown asks for the contours at once rather than once the map has drawn the
 * communes. With `parsed`, also once the contours are parsed on the page's thread, for
 * children that read their shapes (`useRegionContours`), or why they could not be; and
 * why they could not be downloaded, while they are tried again (`contoursError`).
 */
export function WhenCommunes({ children, parsed = false }: { children: ReactNode; parsed?: boolean }) {
  const t = useT();
  const data = useApp((s) => s.data);
  const store = useAppStore();
  const complete = regionComplete(data);
  useEffect(() => {
    if (!complete) store.getState().wantContours();
  }, [complete, store]);
  const contours = useRegionContours(parsed ? data : null);
  const downloadError = useApp((s) => s.contoursError);
  if (complete && (!parsed || contours)) return children;
  const failure = (parsed && data ? contoursFailure(data) : null) ?? (complete ? null : downloadError);
  if (failure) {
    return (
      <p className="load-error" role="alert" data-testid="contours-error">
        {t('app.contoursError', { detail: failure })}
      </p>
    );
  }
  return (
    <p className="loading" role="status" data-testid="communes-loading">
      {t('app.communesLoading')}
    </p>
  );
}
