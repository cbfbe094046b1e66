import { useMemo } from 'react';
import { groupByDept, reviewList } from '../../domain/review';
import { formatDate } from '../../i18n/translate';
import { selectAllStructures } from '../../store/import-slice';
import { useApp, useAppStore, useT } from '../../store/react';
import { today } from '../download';
import { ExportButtons } from './ImportHistory';
import './import.css';

/** "À revoir": records marked to check or not checked for 12 months, per département, exportable. */
export function ReviewPanel() {
  const t = useT();
  const store = useAppStore();
  const data = useApp((s) => s.data)!;
  const lang = useApp((s) => s.lang);
  const dept = useApp((s) => s.reviewDept);
  const all = useApp(selectAllStructures);
  const items = useMemo(() => reviewList(all, today(), (code) => data.communeByCode.get(code)?.dept ?? code.slice(0, 2)), [all, data]);
  const shown = useMemo(() => (dept ? items.filter((i) => i.dept === dept) : items), [items, dept]);
  const groups = useMemo(() => groupByDept(shown), [shown]);
  const deptName = (code: string) =>
    code === '' ? t('review.unknownDept') : `${data.departements.features.find((f) => f.properties.code === code)?.properties.nom ?? code} (${code})`;
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const i of items) c.set(i.dept, (c.get(i.dept) ?? 0) + 1);
    return c;
  }, [items]);

  return (
    <section className="review-panel" aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title" className="section-title">
        {t('review.title')}
      </h2>
      <p className="hint">{t('review.intro')}</p>
      <div className="filter-row">
        <label className="field">
          <span>{t('review.dept')}</span>
          <select value={dept} onChange={(e) => store.getState().setReviewDept(e.target.value)} data-testid="review-dept">
            <option value="">{t('review.all')}</option>
            {data.config.departements.map((code) => (
              <option key={code} value={code}>
                {deptName(code)} — {counts.get(code) ?? 0}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" data-testid="review-count">
        {t('review.count', { n: shown.length })}{' '}
        {shown.length > 0 && (
          <>
            — {t('review.export')} : <ExportButtons structures={shown.map((i) => i.structure)} what={`a-revoir-${dept || 'tous'}`} testId="review-export" />
          </>
        )}
      </p>
      {shown.length === 0 ? (
        <p>{t('review.empty')}</p>
      ) : (
        groups.map((g) => (
          <section key={g.dept || 'unknown'} className="review-group">
            <h3>
              {deptName(g.dept)} — {g.items.length}
            </h3>
            <ul className="cards">
              {g.items.map(({ structure: s, reasons }) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="structure-item"
                    data-id={s.id}
                    title={t('review.open')}
                    onClick={() => {
                      store.getState().select(s.id);
                      store.getState().setTab('list');
                    }}
                  >
                    <span className="structure-item-text">
                      <span className="structure-name">{s.name}</span>
                      <span className="structure-meta">
                        {reasons
                          .map((r) => (r === 'stale' ? t('review.reason.stale', { date: formatDate(lang, s.updated) }) : t(`review.reason.${r}`)))
                          .join(' · ')}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
