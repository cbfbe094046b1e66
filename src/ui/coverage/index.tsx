import { lazy, Suspense } from 'react';
import { useT } from '../../store/react';
import { WhenCommunes } from '../WhenCommunes';

// Loaded only when the tab is opened: it brings Turf and the coverage worker.
const CoveragePanel = lazy(() => import('./CoveragePanel').then((m) => ({ default: m.CoveragePanel })));

/** The coverage tab, with its own loading fallback. */
export function CoverageTab() {
  const t = useT();
  // Coverage is computed per commune and drawn on their contours, which arrive after the
  // first paint; its test sites and print sheet read their shapes.
  return (
    <WhenCommunes parsed>
      <Suspense fallback={<p className="loading">{t('coverage.computing')}</p>}>
        <CoveragePanel />
      </Suspense>
    </WhenCommunes>
  );
}
