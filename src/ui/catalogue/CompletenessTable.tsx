import './catalogue.css';
import { useMemo } from 'react';
import { catalogueCompleteness, type CatalogueCompleteness, type CompletenessCell } from '../../domain/catalogue/expectations';
import type { RegionData } from '../../data/load-region';
import type { Structure } from '../../domain/types';
import { useApp, useT } from '../../store/react';

interface Props {
  data: RegionData;
  structures: readonly Structure[];
  /** Only these départements (the print sheet of one territory); all of them by default. */
  depts?: readonly string[];
  /** A button per row to report a missing structure (the interactive view, not the print sheet). */
  onReportMissing?: (departement: string) => void;
}

/** The completeness report of a catalogue, memoised on its inputs. */
export function useCompleteness(data: RegionData, structures: readonly Structure[]): CatalogueCompleteness {
  return useMemo(() => catalogueCompleteness(structures, data.config), [data, structures]);
}

/**
 * "État du catalogue": one row per département (and the region-wide offers), the types
 * the region expects in every département as "placed / expected", the other types as
 * listed rows, so a referent sees at a glance where the catalogue, not the territory, is thin.
 */
export function CompletenessTable({ data, structures, depts, onReportMissing }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const report = useCompleteness(data, structures);
  const expectedTypes = data.config.offerTypes.filter((type) => (data.config.expectations ?? []).some((e) => e.type === type.id));
  const otherTypes = data.config.offerTypes.filter((type) => !expectedTypes.includes(type));
  const deptName = (code: string) => data.departements.features.find((f) => f.properties.code === code)?.properties.nom ?? code;
  const rows = [...(depts ?? data.config.departements), ...(depts ? [] : [''])];
  const cell = (dept: string, type: string): CompletenessCell | undefined => report.cells.find((c) => c.dept === dept && c.type === type);

  return (
    <div className="completeness-wrap" tabIndex={0} aria-label={t('completeness.scroll')}>
      <table className="completeness-table" data-testid="completeness-table">
        <thead>
          <tr>
            <th scope="col">{t('completeness.dept')}</th>
            {expectedTypes.map((type) => (
              <th scope="col" key={type.id} className="num">
                {type.label[lang]}
                <span className="completeness-sub">{t('completeness.placedExpected')}</span>
              </th>
            ))}
            <th scope="col" className="num">
              {t('completeness.others')}
              <span className="completeness-sub">{t('completeness.listedPlaced')}</span>
            </th>
            <th scope="col" className="num">
              {t('completeness.verified')}
            </th>
            {onReportMissing && (
              <th scope="col">
                <span className="visually-hidden">{t('completeness.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((dept) => {
            const others = otherTypes.map((type) => cell(dept, type.id)).filter((c): c is CompletenessCell => c !== undefined);
            const all = data.config.offerTypes.map((type) => cell(dept, type.id)).filter((c): c is CompletenessCell => c !== undefined);
            const incomplete = expectedTypes.some((type) => cell(dept, type.id)?.state === 'incomplete');
            return (
              <tr key={dept || 'region'} className={incomplete ? 'is-incomplete' : undefined} data-testid={`completeness-row-${dept || 'region'}`}>
                <th scope="row">
                  {dept ? `${deptName(dept)} (${dept})` : t('completeness.regionWide')}
                  {incomplete && <span className="completeness-state"> — {t('completeness.incomplete')}</span>}
                </th>
                {expectedTypes.map((type) => {
                  const c = cell(dept, type.id);
                  if (!c || c.expected === null)
                    return (
                      <td key={type.id} className="num">
                        {c ? c.listed : 0}
                      </td>
                    );
                  return (
                    <td key={type.id} className={`num state-${c.state}`} data-testid={`completeness-${dept || 'region'}-${type.id}`} data-state={c.state}>
                      {c.placed} / {c.expected}
                      {c.listed > c.placed ? <span className="completeness-sub">{t('completeness.unplaced', { n: c.listed - c.placed })}</span> : null}
                      <span className="visually-hidden"> {t(`completeness.state.${c.state}`)}</span>
                      <span aria-hidden="true">{c.state === 'complete' ? ' ✓' : ' ✗'}</span>
                    </td>
                  );
                })}
                <td className="num">
                  {others.reduce((n, c) => n + c.listed, 0)} / {others.reduce((n, c) => n + c.placed, 0)}
                </td>
                <td className="num">{all.reduce((n, c) => n + c.verified, 0)}</td>
                {onReportMissing && (
                  <td>
                    <button type="button" className="link-button" onClick={() => onReportMissing(dept)} data-testid={`report-missing-${dept || 'region'}`}>
                      {t('completeness.reportMissing')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One line per type the region expects: "Maisons de la Région : 11 listées, attendues dans 13 départements (11 complets)". */
export function ExpectationSummary({ data, structures }: { data: RegionData; structures: readonly Structure[] }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const report = useCompleteness(data, structures);
  return (
    <ul className="expectation-summary" data-testid="expectation-summary">
      {report.byType
        .filter((b) => b.expectedDepts > 0 || b.expectedRegional !== null)
        .map((b) => {
          const type = data.config.offerTypes.find((o) => o.id === b.type);
          const expectation = data.config.expectations?.find((e) => e.type === b.type);
          return (
            <li key={b.type}>
              <strong>{type?.label[lang] ?? b.type}</strong> : {t('legend.expected', { listed: b.listed, depts: b.expectedDepts, complete: b.completeDepts })}
              {b.closed > 0 ? ` · ${t('completeness.closed', { n: b.closed })}` : ''}
              {expectation?.note ? <span className="completeness-sub">{expectation.note[lang]}</span> : null}
              {expectation?.source.map((s, i) => (
                <span key={i} className="completeness-source">
                  {' '}
                  <a href={s.url} target="_blank" rel="noopener noreferrer">
                    {t('completeness.source', { n: i + 1, host: hostOf(s.url) })}
                  </a>
                  {s.date ? ` (${s.date})` : ''}
                </span>
              ))}
            </li>
          );
        })}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
