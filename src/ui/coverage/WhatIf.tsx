import type { RegionData } from '../../data/load-region';
import { formatNumber } from '../../i18n/translate';
import { useApp, useAppStore, useT } from '../../store/react';
import { TypeSymbol } from '../TypeSymbol';
import type { CoverageAnalysis } from './useCoverageAnalysis';

/** Hypothetical sites: a mode to add them by clicking the map, their list, and the suggestions. */
export function WhatIf({ data, analysis }: { data: RegionData; analysis: CoverageAnalysis }) {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const addMode = useApp((s) => s.coverageAddMode);
  const simType = useApp((s) => s.coverageSimType) ?? analysis.settings.types?.[0] ?? data.config.offerTypes[0]?.id ?? '';
  const typeOf = (id: string) => data.config.offerTypes.find((o) => o.id === id);
  const communeName = (code: string) => data.communeByCode.get(code)?.name;

  return (
    <section className="coverage-whatif" aria-labelledby="coverage-whatif-title">
      <h3 id="coverage-whatif-title" className="section-title">
        {t('coverage.whatif')}
      </h3>
      <div className="coverage-whatif-bar">
        <button
          type="button"
          className={addMode ? 'primary is-on' : 'primary'}
          aria-pressed={addMode}
          data-testid="coverage-add-mode"
          onClick={() => store.getState().setCoverageAddMode(!addMode)}
        >
          {t('coverage.addMode')}
        </button>
        <label className="field">
          <span>{t('coverage.simType')}</span>
          <select value={simType} data-testid="coverage-sim-type" onChange={(e) => store.getState().setCoverageSimType(e.target.value)}>
            {data.config.offerTypes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label[lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="coverage-hint" role="status">
        {addMode ? t('coverage.addModeOn') : t('coverage.addModeOff')}
      </p>
      {analysis.sims.length > 0 && (
        <ol className="coverage-sims" data-testid="coverage-sim-list">
          {analysis.sims.map((s) => {
            const type = typeOf(s.type);
            return (
              <li key={`${s.index}-${s.lon}-${s.lat}`}>
                {type && <TypeSymbol type={type} size={14} />}
                <span>
                  {t('coverage.simName', { n: s.index + 1 })} — {type ? type.label[lang] : s.type}
                  {', '}
                  {s.commune ? communeName(s.commune) ?? s.commune : t('coverage.outsideRegion')}
                  {!s.knownType ? <em className="coverage-warn"> {t('coverage.simUnknownType')}</em> : !s.counted ? <em className="coverage-warn"> {t('coverage.simNotCounted')}</em> : null}
                </span>
                <button type="button" className="link-button" onClick={() => store.getState().removeSim(s.index)} aria-label={t('coverage.removeSimLabel', { n: s.index + 1 })}>
                  {t('coverage.removeSim')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {analysis.sims.length > 1 && (
        <button type="button" className="link-button" onClick={() => store.getState().setCoverage({ sims: [] })}>
          {t('coverage.removeAllSims')}
        </button>
      )}

      <h3 className="section-title">{t('coverage.suggestions', { km: formatNumber(lang, analysis.thresholdKm) })}</h3>
      <p className="coverage-hint">{t('coverage.suggestionsHelp')}</p>
      {analysis.summary && analysis.summary.unknownCommunes > 0 && (
        <p className="coverage-hint" data-testid="coverage-suggestions-unknown">
          {t('coverage.suggestionsUnknown', { n: analysis.summary.unknownCommunes })}
        </p>
      )}
      {analysis.extras === null ? (
        <p role="status">{t('coverage.computing')}</p>
      ) : analysis.extras.suggestions.length === 0 ? (
        <p>{t('coverage.noSuggestion')}</p>
      ) : (
        <ol className="coverage-suggestions" data-testid="coverage-suggestions" aria-busy={analysis.extrasPending}>
          {analysis.extras.suggestions.map((s) => (
            <li key={s.rank}>
              <span>
                <strong>{s.name}</strong> ({s.code}) — {t('coverage.gain', { n: s.gainPopulation, c: s.gainCommunes })}
              </span>
              <button
                type="button"
                className="link-button"
                data-testid={`coverage-suggestion-add-${s.rank}`}
                onClick={() => store.getState().addSim({ lon: s.lon, lat: s.lat, type: simType })}
              >
                {t('coverage.addSuggestion')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
