import { useMemo, useState } from 'react';
import { sortRows, type SortKey, type TerritoryRow } from '../../domain/coverage/tables';
import { formatKm, formatNumber } from '../../i18n/translate';
import { useApp, useAppStore, useT } from '../../store/react';
import { BarChart } from './BarChart';

interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
}

/** Per-département or per-EPCI figures, sortable, with a bar chart in the same order. */
export function TerritoryTable({ rows, thresholdKm }: { rows: readonly TerritoryRow[]; thresholdKm: number }) {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const groupBy = useApp((s) => s.coverage.groupBy);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'beyondPopulation', descending: true });
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.descending), [rows, sort]);
  const km = formatKm(lang, thresholdKm);
  const columns: Column[] = [
    { key: 'name', label: t(groupBy === 'dept' ? 'coverage.table.dept' : 'coverage.table.epci'), numeric: false },
    { key: 'beyondCommunes', label: t('coverage.table.beyondCommunes'), numeric: true },
    { key: 'beyondPopulation', label: t('coverage.table.beyondPopulation'), numeric: true },
    { key: 'beyondPopulationShare', label: t('coverage.table.share'), numeric: true },
    { key: 'unknownPopulation', label: t('coverage.table.unknownPopulation'), numeric: true },
    { key: 'farthestKm', label: t('coverage.table.farthest'), numeric: true },
    { key: 'offersPer10k', label: t('coverage.table.offersPer10k'), numeric: true },
  ];
  const chartKey: SortKey = sort.key === 'name' || sort.key === 'population' ? 'beyondPopulation' : sort.key;
  const chartLabel = columns.find((c) => c.key === chartKey)!.label;
  const formatValue = (key: SortKey, v: number | null): string => {
    if (v === null) return '—';
    if (key === 'beyondPopulationShare') return `${formatNumber(lang, v * 100, 1)} %`;
    if (key === 'farthestKm') return Number.isFinite(v) ? formatKm(lang, v) : t('coverage.unreachable');
    if (key === 'offersPer10k') return formatNumber(lang, v, 2);
    return formatNumber(lang, v);
  };

  return (
    <section className="coverage-table-section" aria-labelledby="coverage-table-title">
      <h3 id="coverage-table-title" className="section-title">
        {t('coverage.table.title', { km })}
      </h3>
      <div className="coverage-segmented" role="group" aria-label={t('coverage.table.groupBy')}>
        {(['dept', 'epci'] as const).map((g) => (
          <button key={g} type="button" aria-pressed={groupBy === g} data-testid={`coverage-group-${g}`} onClick={() => store.getState().setCoverage({ groupBy: g })}>
            {t(`coverage.table.by.${g}`)}
          </button>
        ))}
      </div>
      <div className="coverage-table-wrap" tabIndex={0} aria-label={t('coverage.table.scroll')}>
        <table className="coverage-table" data-testid="coverage-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    onClick={() => setSort((s) => ({ key: c.key, descending: s.key === c.key ? !s.descending : c.numeric }))}
                  >
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  {row.name}
                  {groupBy === 'dept' ? <span className="coverage-code"> ({row.code})</span> : null}
                  {row.incomplete && (
                    <span className="coverage-incomplete-badge" data-testid={`coverage-incomplete-${row.code}`}>
                      {' '}
                      {t('coverage.table.incomplete')}
                    </span>
                  )}
                </th>
                <td className="num">
                  {formatNumber(lang, row.beyondCommunes)}
                  <span className="coverage-code"> / {formatNumber(lang, row.communes)}</span>
                </td>
                <td className="num">{formatNumber(lang, row.beyondPopulation)}</td>
                <td className="num">{formatValue('beyondPopulationShare', row.beyondPopulationShare)}</td>
                <td className="num" data-testid={`coverage-unknown-${row.code}`} data-value={row.unknownPopulation}>
                  {formatNumber(lang, row.unknownPopulation)}
                  {row.unknownCommunes > 0 && <span className="coverage-code"> ({t('coverage.table.unknownCommunes', { n: row.unknownCommunes })})</span>}
                </td>
                <td className="num">
                  {formatValue('farthestKm', row.farthestKm)}
                  <span className="coverage-code"> {row.farthestName}</span>
                </td>
                <td className="num">{formatValue('offersPer10k', row.offersPer10k)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="coverage-hint">{t('coverage.table.offersNote')}</p>
      <h4 className="coverage-chart-title">{t('coverage.chart.title', { metric: chartLabel })}</h4>
      <BarChart
        rows={sorted}
        title={t('coverage.chart.title', { metric: chartLabel })}
        value={(r) => (r[chartKey] as number | null) ?? 0}
        format={(v) => formatValue(chartKey, v)}
      />
    </section>
  );
}
