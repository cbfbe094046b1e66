import { lazy, Suspense } from 'react';
import { useT } from '../../store/react';
import { WhenCommunes } from '../WhenCommunes';

// Import and review are for referents: their code (PapaParse, proj4, the worker) loads when
// a tab is first opened, never with the map or in an embed.
const LazyImportPanel = lazy(() => import('./ImportPanel').then((m) => ({ default: m.ImportPanel })));
const LazyReviewPanel = lazy(() => import('./ReviewPanel').then((m) => ({ default: m.ReviewPanel })));

function Loading() {
  const t = useT();
  return <p className="loading">{t('app.loading')}</p>;
}

export function ImportTab() {
  return (
    // Imported rows are placed and checked against the communes (list and contours).
    <WhenCommunes>
      <Suspense fallback={<Loading />}>
        <LazyImportPanel />
      </Suspense>
    </WhenCommunes>
  );
}

export function ReviewTab() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyReviewPanel />
    </Suspense>
  );
}
