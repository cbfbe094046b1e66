import { useMemo, useState } from 'react';
import { exportCsv, exportFileName, exportGeoJson } from '../../domain/export/export';
import { filterStructures } from '../../domain/filter';
import type { Structure } from '../../domain/types';
import { formatDate } from '../../i18n/translate';
import { currentEntries, selectCatalogue } from '../../store/import-slice';
import { useApp, useAppStore, useT } from '../../store/react';
import { CSV_TYPE, downloadText, GEOJSON_TYPE, today } from '../download';

/** Exports as CSV (for spreadsheets) and GeoJSON (for GIS tools). */
export function ExportButtons({ structures, what, testId }: { structures: readonly Structure[]; what: string; testId?: string }) {
  const t = useT();
  const region = useApp((s) => s.data?.config.id ?? 'region');
  return (
    <span className="export-buttons">
      <button
        type="button"
        data-testid={testId ? `${testId}-csv` : undefined}
        onClick={() => downloadText(exportCsv(structures), exportFileName(region, what, today(), 'csv'), CSV_TYPE)}
      >
        {t('export.csv')}
      </button>
      <button
        type="button"
        data-testid={testId ? `${testId}-geojson` : undefined}
        onClick={() => downloadText(exportGeoJson(structures), exportFileName(region, what, today(), 'geojson'), GEOJSON_TYPE)}
      >
        {t('export.geojson')}
      </button>
    </span>
  );
}

/** What this browser keeps: layers and merges in force, versions (undo, restore), clear; and exports. */
export function ImportHistory() {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const versions = useApp((s) => s.importVersions);
  const entries = useApp((s) => s.importEntries);
  const hidden = useApp((s) => s.hiddenLayers);
  const filter = useApp((s) => s.filter);
  const catalogue = useApp(selectCatalogue);
  const save = useApp((s) => s.importSave);
  const external = useApp((s) => s.importExternalChange);
  const [confirmClear, setConfirmClear] = useState(false);
  const current = useMemo(() => currentEntries({ importVersions: versions, importEntries: entries }), [versions, entries]);
  const shownCatalogue = useMemo(() => filterStructures(catalogue, filter), [catalogue, filter]);
  const date = (iso: string) => `${formatDate(lang, iso.slice(0, 10))} ${iso.slice(11, 16)}`;

  return (
    <>
      <section className="import-history" aria-labelledby="import-history-title" data-testid="import-history">
        <h3 id="import-history-title">{t('import.history.title')}</h3>
        <p className="hint" data-testid="import-storage-state">
          {save.status === 'failed' ? t('import.history.unsaved', { reason: t(`import.saveFailed.${save.reason}`) }) : t('import.history.stored')}
        </p>
        {external && (
          <p className="hint" role="status" data-testid="import-external-change">
            {t('import.history.external', { time: date(external) })}
          </p>
        )}
        {current.length === 0 ? (
          <p>{t('import.history.empty')}</p>
        ) : (
          <ul className="import-entries">
            {current.map((e) =>
              e.kind === 'layer' ? (
                <li key={e.id} data-testid="import-layer">
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      checked={!hidden.includes(e.id)}
                      onChange={() => store.getState().toggleLayer(e.id)}
                      aria-label={t('import.layer.visible')}
                    />
                    <span className="layer-swatch" style={{ background: e.color }} aria-hidden="true" />
                    <span className="layer-name">{e.name}</span>
                  </label>
                  <span className="hint"> {t('import.layer.count', { n: e.structures.length })}</span>
                  <div className="entry-actions">
                    <ExportButtons structures={filterStructures(e.structures, filter)} what={e.name} />
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => store.getState().removeImportEntry(e.id, t('import.label.remove', { name: e.name }))}
                    >
                      {t('import.layer.remove')}
                    </button>
                  </div>
                </li>
              ) : (
                <li key={e.id} data-testid="import-merge">
                  {t('import.merge.label', { name: e.fileName, n: e.structures.length })}
                  <div className="entry-actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => store.getState().removeImportEntry(e.id, t('import.label.remove', { name: e.fileName }))}
                    >
                      {t('import.layer.remove')}
                    </button>
                  </div>
                </li>
              ),
            )}
          </ul>
        )}
        <div className="import-actions">
          <button type="button" onClick={() => store.getState().undoImport()} disabled={versions.length === 0} data-testid="import-undo">
            {t('import.undo')}
          </button>
          {confirmClear ? (
            <button
              type="button"
              className="danger"
              data-testid="import-clear-confirm"
              onClick={() => {
                store.getState().clearImports();
                setConfirmClear(false);
              }}
            >
              {t('import.clear.confirm')}
            </button>
          ) : (
            <button type="button" onClick={() => setConfirmClear(true)} disabled={versions.length === 0} data-testid="import-clear">
              {t('import.clear')}
            </button>
          )}
        </div>
        {versions.length > 0 && (
          <details className="import-versions">
            <summary>{t('import.versions')}</summary>
            <ol reversed>
              {[...versions].reverse().map((v, i) => (
                <li key={v.n}>
                  {t('import.version.item', { date: date(v.at), label: v.label })}{' '}
                  {i === 0 ? (
                    <em>({t('import.version.current')})</em>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => store.getState().restoreImportVersion(v.n, t('import.label.restore', { n: v.n }))}
                    >
                      {t('import.restore')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </details>
        )}
      </section>

      <section className="import-export" aria-labelledby="export-title">
        <h3 id="export-title">{t('export.title')}</h3>
        <p className="hint">{t('export.intro')}</p>
        <p>
          {t('export.catalogue', { n: shownCatalogue.length })} <ExportButtons structures={shownCatalogue} what="catalogue" testId="export-catalogue" />
        </p>
      </section>
    </>
  );
}
