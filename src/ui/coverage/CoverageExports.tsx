import { communeCsvRows, toCsv } from '../../domain/coverage/index';
import type { RegionData } from '../../data/load-region';
import { mapImage } from '../../map/coverage-overlay';
import { useMapController } from '../../map/map-context';
import { useApp, useT } from '../../store/react';
import { downloadBlob, downloadUrl } from '../download';
import { PrintSheetControls } from './PrintSheet';
import type { CoverageAnalysis } from './useCoverageAnalysis';

const CSV_HEADERS = ['code', 'commune', 'dept', 'epci', 'population', 'distance', 'beyond', 'state', 'byZone', 'nearest', 'nearestType', 'nearestId'] as const;

/** CSV of the communes beyond the threshold, gap area as GeoJSON, map as PNG, printable sheet. */
export function CoverageExports({ data, analysis }: { data: RegionData; analysis: CoverageAnalysis }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const controller = useMapController();
  const { nearest, thresholdKm, settings, extras } = analysis;
  const suffix = `${thresholdKm}km-${settings.reading === 'zones' ? 'zones-' : ''}${data.config.id}`;

  const exportCsv = () => {
    if (!nearest) return;
    const rows = communeCsvRows(data.communes, nearest, analysis.resultOffers, {
      thresholdKm,
      onlyBeyond: true,
      decimal: lang === 'fr' ? ',' : '.',
      headers: CSV_HEADERS.map((h) => t(`coverage.csv.${h}`)),
      noOfferText: t('coverage.csv.noOffer'),
      deptNames: new Map(data.departements.features.map((f) => [f.properties.code, f.properties.nom])),
      epciNames: new Map(data.epci.map((e) => [e.code, e.name])),
      incomplete: analysis.incomplete,
      stateText: { covered: t('coverage.state.covered'), beyond: t('coverage.state.beyond'), unknown: t('coverage.state.unknown') },
    });
    downloadBlob(`${t('coverage.csv.filename')}-${suffix}.csv`, new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  };

  const exportGeoJson = () => {
    if (!extras?.gap) return;
    const collection = {
      type: 'FeatureCollection',
      features: [
        {
          ...extras.gap,
          properties: {
            region: data.config.id,
            thresholdKm,
            reading: settings.reading,
            types: settings.types ?? 'all',
            stages: settings.stages.length ? settings.stages : 'all',
            hypotheticalSites: analysis.sims.filter((s) => s.counted).length,
            areaKm2: Math.round(extras.gapAreaKm2),
            verifiedOnly: analysis.verifiedOnly,
            // The gap area is geometric; part of it lies where the catalogue is incomplete (unknown, not certain).
            incompleteDepartements: [...analysis.incomplete].sort(),
            beyondCommunes: analysis.summary?.beyondCommunes ?? null,
            beyondPopulation: analysis.summary?.beyondPopulation ?? null,
            unknownCommunes: analysis.summary?.unknownCommunes ?? null,
            unknownPopulation: analysis.summary?.unknownPopulation ?? null,
            method: 'grid: cells whose centre lies beyond the threshold from every selected site (outside declared zones in the zones reading)',
            cellKm: extras.precision.cellKm,
            maxErrorKm2: extras.precision.maxErrorKm2,
          },
        },
      ],
    };
    downloadBlob(`${t('coverage.gap.filename')}-${suffix}.geojson`, new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }));
  };

  const exportPng = () => {
    if (controller) downloadUrl(`${t('coverage.png.filename')}-${suffix}.png`, mapImage(controller));
  };

  return (
    <section className="coverage-exports" aria-labelledby="coverage-exports-title">
      <h3 id="coverage-exports-title" className="section-title">
        {t('coverage.exports')}
      </h3>
      <div className="coverage-export-buttons">
        <button type="button" data-testid="coverage-export-csv" disabled={!nearest || analysis.computing} onClick={exportCsv}>
          {t('coverage.exportCsv')}
        </button>
        <button type="button" data-testid="coverage-export-geojson" disabled={!extras?.gap || analysis.extrasPending} onClick={exportGeoJson}>
          {t('coverage.exportGeoJson')}
        </button>
        <button type="button" data-testid="coverage-export-png" disabled={!controller} onClick={exportPng}>
          {t('coverage.exportPng')}
        </button>
      </div>
      {extras && !extras.gap && <p className="coverage-hint">{t('coverage.noGapToExport')}</p>}
      <PrintSheetControls data={data} analysis={analysis} />
    </section>
  );
}
