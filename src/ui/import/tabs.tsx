import { useT } from '../../store/react';
import { WhenCommunes } from '../WhenCommunes';
import { lazyPart } from '../lazy-part';

// Import and review are for referents: their code (PapaParse, proj4, the worker) loads when
// a tab is first opened, never with the map or in an embed.
const LazyImportPanel = lazyPart(() => import('./ImportPanel').then((m) => m.ImportPanel));
const LazyReviewPanel = lazyPart(() => import('./ReviewPanel').then((m) => m.ReviewPanel));

function Loading() {
  const t = useT();
  return <p className="loading">{t('app.loading')}</p>;
}

export function ImportTab() {
  return (
    // Imported rows are placed and checked against the communes (list and contours).
    <WhenCommunes>
      <LazyImportPanel fallback={<Loading />} />
    </WhenCommunes>
  );
}

export function ReviewTab() {
  return <LazyReviewPanel fallback={<Loading />} />;
}
