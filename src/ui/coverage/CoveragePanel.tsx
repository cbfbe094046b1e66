import { useMapController } from '../../map/map-context';
import { useApp, useT } from '../../store/react';
import { CoverageControls } from './CoverageControls';
import { CoverageExports } from './CoverageExports';
import { CoverageFigures } from './CoverageFigures';
import { TerritoryTable } from './TerritoryTable';
import { useCoverageAnalysis } from './useCoverageAnalysis';
import { useCoverageMap } from './useCoverageMap';
import { WhatIf } from './WhatIf';
import './coverage.css';

/** The "Couverture" tab: where, and for how many people, support is beyond reach. */
export function CoveragePanel() {
  const t = useT();
  const data = useApp((s) => s.data)!;
  const controller = useMapController();
  const analysis = useCoverageAnalysis(data);
  useCoverageMap(controller, data, analysis);

  return (
    <div className="coverage-panel" data-testid="coverage-panel">
      <h2 className="coverage-title">{t('coverage.title')}</h2>
      <p className="coverage-intro">{t('coverage.intro')}</p>
      <CoverageControls data={data} thresholdKm={analysis.thresholdKm} />
      <CoverageFigures analysis={analysis} />
      {analysis.error && (
        <p className="coverage-alert" role="alert">
          {t('coverage.error', { detail: analysis.error })}
        </p>
      )}
      <WhatIf data={data} analysis={analysis} />
      <TerritoryTable rows={analysis.rows} thresholdKm={analysis.thresholdKm} />
      <CoverageExports data={data} analysis={analysis} />
    </div>
  );
}
