import { exportGeoJson, exportFileName } from '../../domain/export/export';
import type { ImportEntry } from '../../store/import-slice';
import type { ImportOp } from '../../store/import-history';
import { useApp, useT } from '../../store/react';
import { downloadText, GEOJSON_TYPE, today } from '../download';

/** Entries in force that were never written to the browser's storage. */
function unsavedEntries(pending: readonly ImportOp[], entries: Record<string, ImportEntry>): ImportEntry[] {
  return pending.flatMap((op) => (op.kind === 'commit' && entries[op.entry.id] ? [entries[op.entry.id]!] : []));
}

/**
 * Where the import was kept: "saving", "saved" (with the count), or — when the browser
 * refused the write — an alert that the import is only in this page, with a download of it.
 */
export function ImportSaveStatus({ count }: { count: number | null }) {
  const t = useT();
  const save = useApp((s) => s.importSave);
  const pending = useApp((s) => s.importPending);
  const entries = useApp((s) => s.importEntries);
  const region = useApp((s) => s.data?.config.id ?? 'region');
  if (save.status === 'failed') {
    const unsaved = unsavedEntries(pending, entries);
    return (
      <div className="import-refused" role="alert" data-testid="import-save-failed">
        <p>{t('import.saveFailed', { reason: t(`import.saveFailed.${save.reason}`) })}</p>
        {unsaved.length > 0 && (
          <button
            type="button"
            data-testid="import-save-download"
            onClick={() =>
              downloadText(
                exportGeoJson(unsaved.flatMap((e) => e.structures)),
                exportFileName(region, unsaved.length === 1 ? unsaved[0]!.name : 'imports', today(), 'geojson'),
                GEOJSON_TYPE,
              )
            }
          >
            {t('import.saveFailed.download')}
          </button>
        )}
      </div>
    );
  }
  if (count === null) return null;
  return (
    <p className="import-done" role="status" data-testid="import-done" data-saved={save.status === 'saved' ? 'true' : 'false'}>
      {save.status === 'saved' || save.status === 'idle' ? t('import.done', { n: count }) : t('import.saving')}
    </p>
  );
}
