import { lazy, Suspense } from 'react';
import { useT } from '../../store/react';

// Loaded only when the tab is opened: it brings Turf and the coverage worker.
const CoveragePanel = lazy(() => import('./CoveragePanel').then((m) => ({ default: m.CoveragePanel })));

/** The coverage tab, with its own loading fallback. */
export function CoverageTab() {
  const t = useT();
  return (
    <Suspense fallback={<p className="loading">{t('coverage.computing')}</p>}>
      <CoveragePanel />
    </Suspense>
  );
}
