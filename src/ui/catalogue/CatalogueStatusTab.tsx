import type { Structure } from '../../domain/types';
import { selectCatalogue } from '../../store/import-slice';
import { useApp, useAppStore, useT } from '../../store/react';
import { CompletenessTable, ExpectationSummary, useCompleteness } from './CompletenessTable';

/** The "État du catalogue" tab: what the catalogue holds against what the region is known to have. */
export function CatalogueStatusTab() {
  const t = useT();
  const store = useAppStore();
  // The first type the département lacks is proposed in the form; the referent can change it.
  const onReportMissing = (departement: string) => {
    const missing = report.cells.find((c) => c.dept === departement && c.state === 'incomplete')?.type;
    store.getState().openCorrection({ ...(departement ? { departement } : {}), ...(missing ? { type: missing } : {}) });
  };
  const data = useApp((s) => s.data)!;
  const catalogue: readonly Structure[] = useApp(selectCatalogue);
  const report = useCompleteness(data, catalogue);
  return (
    <section className="catalogue-status" aria-labelledby="catalogue-status-title" data-testid="catalogue-status">
      <h2 id="catalogue-status-title">{t('completeness.title')}</h2>
      <p className="catalogue-status-intro">{t('completeness.intro')}</p>
      <ExpectationSummary data={data} structures={catalogue} />
      <CompletenessTable data={data} structures={catalogue} onReportMissing={onReportMissing} />
      <p className="coverage-hint">{t('completeness.method')}</p>
    </section>
  );
}
