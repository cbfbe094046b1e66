import { useMemo } from 'react';
import { summariseCatalogue, latestUpdate } from '../domain/summary';
import { catalogueCompleteness } from '../domain/catalogue/expectations';
import { formatDate } from '../i18n/translate';
import { useApp, useAppStore, useT } from '../store/react';
import { TypeSymbol } from './TypeSymbol';
import { selectCatalogue } from '../store/import-slice';

/** Legend and filters in one: each type with its symbol, count, freshness and toggle. */
export function Filters() {
  const t = useT();
  const store = useAppStore();
  const data = useApp((s) => s.data)!;
  const lang = useApp((s) => s.lang);
  const filter = useApp((s) => s.filter);
  // The catalogue as referents' merged imports left it (imported layers have their own legend).
  const catalogue = useApp(selectCatalogue);
  const summary = useMemo(
    // Closed rows are not offers: the legend counts open ones.
    () =>
      summariseCatalogue(
        catalogue.filter((s) => s.status !== 'closed'),
        data.config.offerTypes.map((o) => o.id),
      ),
    [data, catalogue],
  );
  const completeness = useMemo(() => catalogueCompleteness(catalogue, data.config), [data, catalogue]);
  const closedCount = useMemo(() => catalogue.filter((s) => s.status === 'closed').length, [catalogue]);
  const latest = latestUpdate(catalogue);
  const isFiltered = filter.types !== null || filter.stages.length > 0 || filter.dept !== null;

  return (
    <section className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        {t('filters.title')}
      </h2>
      <fieldset className="legend">
        <legend>{t('filters.types')}</legend>
        <ul>
          {data.config.offerTypes.map((type) => {
            const s = summary.find((x) => x.type === type.id);
            const c = completeness.byType.find((x) => x.type === type.id);
            const checked = filter.types === null || filter.types.includes(type.id);
            return (
              <li key={type.id}>
                <label className="legend-item">
                  <input type="checkbox" checked={checked} data-testid={`toggle-type-${type.id}`} onChange={() => store.getState().toggleType(type.id)} />
                  <TypeSymbol type={type} />
                  <span className="legend-label">{type.label[lang]}</span>
                  <span className="legend-count">
                    {t('legend.count', { n: s?.count ?? 0 })}
                    {s?.lastUpdated ? ` · ${t('legend.updated', { date: formatDate(lang, s.lastUpdated) })}` : ''}
                  </span>
                  {c && c.expectedDepts > 0 && (
                    <span className={`legend-expected${c.completeDepts < c.expectedDepts ? ' is-incomplete' : ''}`} data-testid={`legend-expected-${type.id}`}>
                      {t('legend.expected', { listed: c.listed, depts: c.expectedDepts, complete: c.completeDepts })}
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="filter-row">
        <label className="field">
          <span>{t('filters.stages')}</span>
          <select
            data-testid="filter-stage"
            value={filter.stages[0] ?? ''}
            onChange={(e) => store.getState().setFilter({ stages: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">—</option>
            {data.config.stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.label[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('filters.dept')}</span>
          <select data-testid="filter-dept" value={filter.dept ?? ''} onChange={(e) => store.getState().setFilter({ dept: e.target.value || null })}>
            <option value="">{t('filters.allDepts')}</option>
            {[...data.departements.features]
              .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
              .map((f) => (
                <option key={f.properties.code} value={f.properties.code}>
                  {f.properties.code} — {f.properties.nom}
                </option>
              ))}
          </select>
        </label>
      </div>
      <div className="filter-toggles">
        <label title={t('filters.verifiedOnlyHint')}>
          <input
            type="checkbox"
            checked={filter.verifiedOnly === true}
            data-testid="filter-verified"
            onChange={(e) => store.getState().setFilter({ verifiedOnly: e.target.checked })}
          />{' '}
          {t('filters.verifiedOnly')}
        </label>
        {closedCount > 0 && (
          <label>
            <input
              type="checkbox"
              checked={filter.showClosed === true}
              data-testid="filter-closed"
              onChange={(e) => store.getState().setFilter({ showClosed: e.target.checked })}
            />{' '}
            {t('filters.showClosed', { n: closedCount })}
          </label>
        )}
      </div>
      {isFiltered && (
        <button type="button" className="link-button" onClick={() => store.getState().setFilter({ types: null, stages: [], dept: null })}>
          {t('filters.reset')}
        </button>
      )}
      <p className="catalogue-summary">{t('catalogue.summary', { n: catalogue.length, date: latest ? formatDate(lang, latest) : '—' })}</p>
    </section>
  );
}
