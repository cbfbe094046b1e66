import type { Structure } from '../../domain/types';
import { selectCatalogue } from '../../store/import-slice';
import { useApp, useT } from '../../store/react';
import { CompletenessTable, ExpectationSummary } from './CompletenessTable';


/** The "État du catalogue" tab: what the catalogue holds against what the region is known to have. */
export function CatalogueStatusTab({ onReportMissing }: { onReportMissing?: (departement: string) => void }) {
  const t = useT();
  const data = useApp((s) => s.data)!;
  const catalogue: readonly Structure[] = useApp(selectCatalogue);
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
