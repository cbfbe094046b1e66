import { useT } from '../../store/react';
import { WhenCommunes } from '../WhenCommunes';
import { lazyPart } from '../lazy-part';

// Loaded only when the tab is opened: it brings Turf and the coverage worker.
const CoveragePanel = lazyPart(() => import('./CoveragePanel').then((m) => m.CoveragePanel));

/** The coverage tab, with its own loading fallback. */
export function CoverageTab() {
  const t = useT();
  // Coverage is computed per commune and drawn on their contours, which arrive after the
  // first paint; its test sites and print sheet read their shapes.
  return (
    <WhenCommunes parsed>
      <CoveragePanel fallback={<p className="loading">{t('coverage.computing')}</p>} />
    </WhenCommunes>
  );
}
