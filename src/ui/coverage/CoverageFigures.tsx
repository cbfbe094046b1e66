import { formatKm, formatNumber } from '../../i18n/translate';
import { useApp, useT } from '../../store/react';
import type { CoverageAnalysis } from './useCoverageAnalysis';

const pct = (lang: 'fr' | 'en', share: number) => `${formatNumber(lang, share * 100, 1)} %`;

/** The headline figures, the reading in force (always said), and what may make them surprising. */
export function CoverageFigures({ analysis }: { analysis: CoverageAnalysis }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const { summary, thresholdKm, settings, extras, extrasPending, offers, located, computing, incomplete, verifiedOnly } = analysis;
  const data = useApp((s) => s.data)!;
  const deptName = (code: string) => data.departements.features.find((f) => f.properties.code === code)?.properties.nom ?? code;
  const km = formatKm(lang, thresholdKm);
  const unlocatedSelected = offers.length - located;
  return (
    <section className="coverage-figures" aria-labelledby="coverage-figures-title" data-testid="coverage-figures" data-state={computing ? 'computing' : 'ready'}>
      <h3 id="coverage-figures-title" className="section-title">
        {t('coverage.figures', { km })}
      </h3>
      <p className="coverage-reading-label" data-testid="coverage-reading-label">
        {t('coverage.readingInForce')} <strong>{t(`coverage.reading.${settings.reading}`)}</strong>
      </p>
      {offers.length === 0 && (
        <p className="coverage-alert" role="alert" data-testid="coverage-no-offer">
          {t('coverage.noOffer')}
        </p>
      )}
      {offers.length > 0 && settings.reading === 'site' && located === 0 && (
        <p className="coverage-alert" role="alert" data-testid="coverage-no-offer">
          {t('coverage.noLocatedOffer', { n: offers.length })}
        </p>
      )}
      {verifiedOnly && (
        <p className="coverage-verified-note" data-testid="coverage-verified-only">
          {t('coverage.verifiedOnly')}
        </p>
      )}
      {summary ? (
        <dl className="coverage-numbers" aria-live="polite">
          <div>
            <dt>{t('coverage.beyondCommunes', { km })}</dt>
            <dd data-testid="coverage-beyond-communes" data-value={summary.beyondCommunes}>
              <span className="coverage-big">{formatNumber(lang, summary.beyondCommunes)}</span>{' '}
              {t('coverage.ofTotal', { total: summary.communes, share: pct(lang, summary.beyondCommuneShare) })}
            </dd>
          </div>
          <div>
            <dt>{t('coverage.beyondPopulation', { km })}</dt>
            <dd data-testid="coverage-beyond-population" data-value={summary.beyondPopulation}>
              <span className="coverage-big">{formatNumber(lang, summary.beyondPopulation)}</span>{' '}
              {t('coverage.ofTotal', { total: summary.population, share: pct(lang, summary.beyondPopulationShare) })}
            </dd>
          </div>
          <div className="coverage-unknown" data-testid="coverage-unknown">
            <dt>{t('coverage.unknown')}</dt>
            <dd data-testid="coverage-unknown-population" data-value={summary.unknownPopulation} data-communes={summary.unknownCommunes}>
              <span className="coverage-big">{formatNumber(lang, summary.unknownPopulation)}</span>{' '}
              {t('coverage.unknownValue', { communes: formatNumber(lang, summary.unknownCommunes), share: pct(lang, summary.unknownPopulationShare) })}
            </dd>
          </div>
          <div>
            <dt>{t('coverage.gapArea')}</dt>
            <dd data-testid="coverage-gap-area" aria-busy={extrasPending}>
              {extras
                ? extras.gap
                  ? t('coverage.gapAreaValue', { area: extras.gapAreaKm2, share: pct(lang, extras.gapAreaKm2 / (extras.regionAreaKm2 || 1)) })
                  : t('coverage.noGap')
                : t('coverage.computing')}
              {extras?.gap && extras.precision.maxErrorKm2 > 0 && (
                <small className="coverage-precision" data-testid="coverage-gap-precision">
                  {' '}
                  {t('coverage.gapPrecision', { cell: formatNumber(lang, extras.precision.cellKm), error: formatNumber(lang, extras.precision.maxErrorKm2) })}
                </small>
              )}
            </dd>
          </div>
        </dl>
      ) : (
        <p role="status">{t('coverage.computing')}</p>
      )}
      {incomplete.size > 0 && (
        <p className="coverage-incomplete-note" data-testid="coverage-incomplete-note">
          {t('coverage.incompleteIn', { depts: [...incomplete].sort().map((d) => `${deptName(d)} (${d})`).join(', ') })}
        </p>
      )}
      <p className="coverage-hint">
        {t('coverage.counted', { n: offers.length, located })}
        {settings.reading === 'site' && unlocatedSelected > 0 ? ` ${t('coverage.unlocatedIgnored', { n: unlocatedSelected })}` : ''}
        {summary && settings.reading === 'zones' ? ` ${t('coverage.servedByZone', { n: summary.servedByZone })}` : ''}
      </p>
      <p className="coverage-hint">{t('coverage.method')}</p>
    </section>
  );
}
