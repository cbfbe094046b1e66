import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { geocodeStructures } from '../../domain/import/geocode';
import { checkSize, MAX_FILE_BYTES, type Refusal } from '../../domain/import/limits';
import { setMapping } from '../../domain/import/mapping';
import { planImport, type ImportTarget } from '../../domain/import/plan';
import type { CrsChoice, DelimiterChoice, EncodingChoice, ImportIssue, Mapping, TargetField } from '../../domain/import/types';
import { TARGET_FIELDS } from '../../domain/import/types';
import { LAYER_COLOURS } from '../../map/layers/import';
import { currentEntries, newId, selectAllStructures, selectCatalogue } from '../../store/import-slice';
import { useApp, useAppStore, useT } from '../../store/react';
import { importClientFor } from './import-client-cache';
import type { PageResult, Phase, ReadSummary } from '../../workers/import-api';
import { CSV_TYPE, downloadBlob } from '../download';
import { csvChunks } from '../../domain/export/csv';
import { ImportHistory } from './ImportHistory';
import { ImportSaveStatus } from './ImportSaveStatus';
import { issueText } from '../issue-text';
import './import.css';

type Busy = { phase: Phase | 'geocode'; fraction: number; done?: number; total?: number };

interface Preview {
  fileName: string;
  summary: ReadSummary;
  result: PageResult;
  scores: Record<string, number>;
  geocodeIssues: ImportIssue[];
  offline: boolean;
  geocoded: number;
}

const MAX_ISSUES_SHOWN = 300;
const MAX_CHANGES_SHOWN = 50;

/** The "Importer" tab: read a file, map its columns, preview every consequence, then import. */
export function ImportPanel() {
  const t = useT();
  const store = useAppStore();
  const lang = useApp((s) => s.lang);
  const data = useApp((s) => s.data)!;
  const loadedFor = useApp((s) => s.importsLoadedFor);
  const catalogue = useApp(selectCatalogue);
  const shown = useApp(selectAllStructures);
  const versions = useApp((s) => s.importVersions);
  const entries = useApp((s) => s.importEntries);

  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [delimiter, setDelimiter] = useState<DelimiterChoice>('auto');
  const [crs, setCrs] = useState<CrsChoice>('auto');
  const [mapping, setMappingState] = useState<Mapping>({});
  const [defaultType, setDefaultType] = useState('');
  const [target, setTarget] = useState<ImportTarget>('layer');
  const [layerName, setLayerName] = useState('');
  const [color, setColor] = useState(LAYER_COLOURS[0]!);
  const [ban, setBan] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [refusal, setRefusal] = useState<{ fileName: string; refusal: Refusal } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>('all');
  const inputRef = useRef<HTMLInputElement>(null);
  const runId = useRef(0);

  // One client (and one worker) per region, reused when the tab is reopened.
  const client = useMemo(() => importClientFor(store, data), [store, data]);

  const onProgress = (phase: Phase, fraction: number) => setBusy({ phase, fraction });

  const run = async (m: Mapping, fileName: string, summary: ReadSummary) => {
    const id = ++runId.current;
    setBusy({ phase: 'check', fraction: 0 });
    try {
      const result = await client.run(m, { crs, defaultType: defaultType || null, defaultUpdated: null }, onProgress);
      let structures = result.structures;
      let scores: Record<string, number> = {};
      let geocodeIssues: ImportIssue[] = [];
      let offline = false;
      let geocoded = 0;
      if (ban) {
        const outcome = await geocodeStructures(
          structures,
          result.structureLines,
          async (url) => {
            if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new Error('offline');
            const response = await fetch(url);
            if (!response.ok) throw new Error(`HTTP ${response.status}`);
            return response.json() as Promise<unknown>;
          },
          {
            communeName: (code) => data.communeByCode.get(code)?.name ?? '',
            onProgress: (d, total) => setBusy({ phase: 'geocode', fraction: total ? d / total : 1, done: d, total }),
          },
        );
        structures = outcome.structures;
        scores = outcome.scores;
        geocodeIssues = outcome.issues;
        offline = outcome.offline;
        geocoded = outcome.geocoded;
      }
      if (id !== runId.current) return;
      setPreview({ fileName, summary, result: { ...result, structures }, scores, geocodeIssues, offline, geocoded });
    } finally {
      if (id === runId.current) setBusy(null);
    }
  };

  const read = async (f: File, enc = encoding, delim = delimiter) => {
    const id = ++runId.current;
    setPreview(null);
    setRefusal(null);
    setDone(null);
    const size = checkSize(f.size, MAX_FILE_BYTES);
    if (size) {
      setRefusal({ fileName: f.name, refusal: size });
      return;
    }
    setBusy({ phase: 'read', fraction: 0 });
    try {
      const summary = await client.read(f, f.name, { encoding: enc, delimiter: delim }, onProgress);
      if (id !== runId.current) return;
      if (!summary.ok) {
        setRefusal({ fileName: f.name, refusal: summary.refusal! });
        setBusy(null);
        return;
      }
      const m = summary.mapping ?? {};
      setMappingState(m);
      setLayerName((name) => name || f.name.replace(/\.[^.]+$/, ''));
      await run(m, f.name, summary);
    } catch (error) {
      setRefusal({ fileName: f.name, refusal: { code: 'binary', message: String(error), params: { what: String(error) } } });
      setBusy(null);
    }
  };

  const pick = (f: File | undefined) => {
    if (!f) return;
    setFile(f);
    setLayerName(f.name.replace(/\.[^.]+$/, ''));
    const used = new Set(currentEntries({ importVersions: versions, importEntries: entries }).map((e) => e.color));
    setColor(LAYER_COLOURS.find((c) => !used.has(c)) ?? LAYER_COLOURS[0]!);
    void read(f);
  };

  // Changing how the file is read reads it again; changing how positions are read checks again.
  useEffect(() => {
    if (file) void read(file, encoding, delimiter);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [encoding, delimiter]);
  useEffect(() => {
    if (file && preview) void run(mapping, preview.fileName, preview.summary);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [crs]);

  const plan = useMemo(() => {
    if (!preview) return null;
    return planImport(preview.result, catalogue, target, new Set(shown.map((s) => s.id)));
  }, [preview, catalogue, shown, target]);

  const allIssues = useMemo(
    () => (preview && plan ? [...preview.result.issues, ...preview.geocodeIssues, ...plan.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) : []),
    [preview, plan],
  );
  const errors = allIssues.filter((i) => i.severity === 'error').length;
  const visibleIssues = allIssues.filter((i) => severity === 'all' || i.severity === severity);
  const toImport = plan ? plan.rows.filter((r) => plan.target === 'layer' || r.action !== 'same') : [];

  const commit = () => {
    if (!preview || !plan) return;
    const structures = toImport.map((r) => r.structure);
    const id = newId('imp');
    const name = target === 'layer' ? layerName.trim() || preview.fileName : preview.fileName;
    store.getState().commitImport(
      {
        id,
        kind: target === 'layer' ? 'layer' : 'merge',
        name,
        color,
        createdAt: new Date().toISOString(),
        fileName: preview.fileName,
        structures,
        scores: preview.scores,
      },
      target === 'layer'
        ? t('import.label.layer', { name, n: structures.length })
        : t('import.label.merge', { file: preview.fileName, added: plan.added, changed: plan.changed }),
    );
    setDone(structures.length);
    setPreview(null);
    setFile(null);
  };

  const lineLabel = (i: ImportIssue) =>
    i.line === undefined
      ? t('import.issues.file')
      : preview?.summary.kind === 'geojson'
        ? t('import.issues.feature', { line: i.line })
        : t('import.issues.line', { line: i.line });

  const downloadRejected = async () => {
    if (!preview) return;
    const reasons: Record<number, string[]> = {};
    for (const i of preview.result.issues) {
      if (i.severity !== 'error' || i.line === undefined) continue;
      (reasons[i.line] ??= []).push(issueText(t, lang, i));
    }
    const parts = await client.rejected(reasons, t('import.rejected.reason'), t('import.rejected.line'));
    downloadBlob(`${preview.fileName.replace(/\.[^.]+$/, '')}-rejets.csv`, new Blob(parts, { type: CSV_TYPE }));
  };

  const downloadReport = () => {
    if (!preview) return;
    const head = [t('import.report.line'), t('import.report.severity'), t('import.report.field'), t('import.report.message')];
    const rows = allIssues.map((i) => [
      i.line === undefined ? '' : String(i.line),
      t(`import.severity.${i.severity}`),
      i.field ? t(`import.field.${i.field}`) : '',
      issueText(t, lang, i),
    ]);
    downloadBlob(`${preview.fileName.replace(/\.[^.]+$/, '')}-rapport.csv`, new Blob(csvChunks([head].concat(rows)), { type: CSV_TYPE }));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files[0]);
  };

  const summary = preview?.summary;
  const counts = preview?.result.counts;
  const ready = loadedFor === data.config.id;

  return (
    <section className="import-panel" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title" className="section-title">
        {t('import.title')}
      </h2>
      <p className="import-intro">{t('import.intro')}</p>

      <div
        className={`drop-zone${dragging ? ' is-dragging' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          {t('import.drop')} {t('import.or')}{' '}
          <button type="button" className="primary" onClick={() => inputRef.current?.click()} disabled={!ready || busy !== null}>
            {t('import.choose')}
          </button>
        </p>
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          // The visible "Choisir" button is the control; this input only opens the picker.
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-file"
          accept=".csv,.tsv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
          onChange={(e) => {
            pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <p className="hint">{t('import.limit', { mb: Math.round(MAX_FILE_BYTES / 1024 / 1024) })}</p>
        {!ready && <p className="hint">{t('import.waitStorage')}</p>}
      </div>

      <details className="import-options">
        <summary>{t('import.options')}</summary>
        <div className="filter-row">
          <label className="field">
            <span>{t('import.encoding')}</span>
            <select value={encoding} onChange={(e) => setEncoding(e.target.value as EncodingChoice)} data-testid="import-encoding">
              {(['auto', 'utf-8', 'windows-1252'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`import.encoding.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('import.delimiter')}</span>
            <select value={delimiter} onChange={(e) => setDelimiter(e.target.value as DelimiterChoice)} data-testid="import-delimiter">
              {(['auto', ';', ',', '\t'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`import.delimiter.${v === '\t' ? 'tab' : v}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('import.crs')}</span>
            <select value={crs} onChange={(e) => setCrs(e.target.value as CrsChoice)} data-testid="import-crs">
              {(['auto', 'wgs84', 'lambert93'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`import.crs.${v}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="inline-check">
          <input type="checkbox" checked={ban} onChange={(e) => setBan(e.target.checked)} data-testid="import-ban" />
          {t('import.ban')}
        </label>
        <p className="hint">{t('import.ban.hint')}</p>
      </details>

      {busy && (
        <div className="import-progress" role="status" aria-live="polite" data-testid="import-progress">
          <span>{t(`import.phase.${busy.phase}`, { done: busy.done ?? 0, total: busy.total ?? 0 })}</span>
          <progress value={busy.fraction} max={1} />
        </div>
      )}

      {refusal && (
        <p className="import-refused" role="alert" data-testid="import-refused">
          {refusal.fileName} — {t('import.refused', { reason: t(`import.refusal.${refusal.refusal.code}`, refusal.refusal.params) })}
        </p>
      )}

      <ImportSaveStatus count={done} />

      {preview && summary && counts && plan && (
        <div className="import-preview" data-testid="import-preview">
          <h3>{t('import.preview.title')}</h3>
          <p className="hint">{t('import.preview.nothingChanged')}</p>
          <p>
            {summary.kind === 'geojson'
              ? t('import.fileGeo', { name: preview.fileName, rows: summary.rows ?? 0 })
              : t('import.file', { name: preview.fileName, rows: summary.rows ?? 0, lines: summary.totalLines ?? 0 })}
            {summary.kind === 'csv' && (
              <>
                <br />
                {t('import.encodingFound', { encoding: summary.encoding ?? '', bom: summary.bom ? t('import.bom') : '' })},{' '}
                {t('import.delimiterFound', { delimiter: summary.delimiter === '\t' ? t('import.delimiter.tab') : `« ${summary.delimiter} »` })}
              </>
            )}
          </p>

          <MappingEditor header={summary.header ?? []} sample={summary.sample ?? []} mapping={mapping} onChange={setMappingState} />
          <div className="filter-row">
            <label className="field">
              <span>{t('import.defaultType')}</span>
              <select value={defaultType} onChange={(e) => setDefaultType(e.target.value)} data-testid="import-default-type">
                <option value="">{t('import.defaultType.none')}</option>
                {data.config.offerTypes.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label[store.getState().lang]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <button type="button" onClick={() => void run(mapping, preview.fileName, summary)} disabled={busy !== null} data-testid="import-rerun">
            {t('import.rerun')}
          </button>

          <p data-testid="import-counts">{t('import.preview.rows', { ...counts })}</p>
          {summary.kind === 'csv' && (
            <p className="hint">
              {t('import.preview.accounted', {
                header: 1,
                rowLines: counts.rowLines,
                blank: counts.blankLines,
                preamble: counts.preambleLines,
                total: summary.totalLines ?? 0,
              })}
            </p>
          )}
          <p className="hint">{t('import.preview.positions', { ...counts })}</p>
          {ban && <p className="hint">{preview.offline ? t('import.ban.offline') : t('import.ban.done', { n: preview.geocoded })}</p>}

          <fieldset className="import-target">
            <legend>{t('import.target')}</legend>
            <label className="inline-check">
              <input type="radio" name="import-target" checked={target === 'layer'} onChange={() => setTarget('layer')} data-testid="import-target-layer" />
              {t('import.target.layer')}
            </label>
            {target === 'layer' && (
              <div className="filter-row">
                <label className="field">
                  <span>{t('import.layerName')}</span>
                  <input value={layerName} onChange={(e) => setLayerName(e.target.value)} data-testid="import-layer-name" maxLength={80} />
                </label>
                <label className="field layer-colour">
                  <span>{t('import.layerColor')}</span>
                  <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
                </label>
              </div>
            )}
            <label className="inline-check">
              <input
                type="radio"
                name="import-target"
                checked={target === 'catalogue'}
                onChange={() => setTarget('catalogue')}
                data-testid="import-target-catalogue"
              />
              {t('import.target.catalogue')}
            </label>
          </fieldset>
          <p data-testid="import-plan">
            {plan.target === 'layer'
              ? t('import.preview.layerPlan', { added: plan.added })
              : t('import.preview.plan', { added: plan.added, changed: plan.changed, unchanged: plan.unchanged })}
          </p>
          {plan.target === 'catalogue' && plan.changed > 0 && (
            <details>
              <summary>{t('import.preview.changes')}</summary>
              <ul className="import-changes">
                {plan.rows
                  .filter((r) => r.action === 'change')
                  .slice(0, MAX_CHANGES_SHOWN)
                  .map((r) => (
                    <li key={r.line}>
                      {t('import.preview.changed', {
                        line: r.line,
                        name: r.structure.name,
                        fields: r.changed.map((f) => t(`import.field.${f}`)).join(', '),
                      })}
                    </li>
                  ))}
              </ul>
            </details>
          )}

          <h4>{t('import.issues.title')}</h4>
          {allIssues.length === 0 ? (
            <p>{t('import.issues.none')}</p>
          ) : (
            <>
              <div className="issue-filter" role="group">
                {(['all', 'error', 'warning'] as const).map((s) => (
                  <button key={s} type="button" aria-pressed={severity === s} onClick={() => setSeverity(s)}>
                    {s === 'all'
                      ? t('import.issues.all')
                      : s === 'error'
                        ? t('import.issues.errors', { n: errors })
                        : t('import.issues.warnings', { n: allIssues.length - errors })}
                  </button>
                ))}
              </div>
              <ul className="import-issues" data-testid="import-issues">
                {visibleIssues.slice(0, MAX_ISSUES_SHOWN).map((i, k) => (
                  <li key={k} className={`issue-${i.severity}`} data-line={i.line ?? ''}>
                    <span className="issue-where">{lineLabel(i)}</span> <span className="issue-severity">{t(`import.severity.${i.severity}`)}</span> —{' '}
                    {issueText(t, lang, i)}
                  </li>
                ))}
              </ul>
              {visibleIssues.length > MAX_ISSUES_SHOWN && <p className="hint">{t('import.issues.more', { n: visibleIssues.length - MAX_ISSUES_SHOWN })}</p>}
            </>
          )}

          <div className="import-actions">
            <button type="button" className="primary" onClick={commit} disabled={toImport.length === 0 || !ready} data-testid="import-commit">
              {toImport.length === 0 ? t('import.commitNone') : t('import.commit', { n: toImport.length })}
            </button>
            {counts.rejected > 0 && (
              <button type="button" onClick={() => void downloadRejected()} data-testid="import-download-rejected">
                {t('import.downloadRejected')}
              </button>
            )}
            <button type="button" onClick={downloadReport}>
              {t('import.downloadReport')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                runId.current++;
                setPreview(null);
                setFile(null);
              }}
            >
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}

      <ImportHistory />
    </section>
  );
}

function MappingEditor({ header, sample, mapping, onChange }: { header: string[]; sample: string[][]; mapping: Mapping; onChange(m: Mapping): void }) {
  const t = useT();
  const fieldOf = (column: number): TargetField | '' => TARGET_FIELDS.find((f) => mapping[f] === column) ?? '';
  return (
    <details className="import-mapping" open>
      <summary>{t('import.mapping.title')}</summary>
      <p className="hint">{t('import.mapping.hint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('import.mapping.column')}</th>
            <th scope="col">{t('import.mapping.example')}</th>
            <th scope="col">{t('import.mapping.field')}</th>
          </tr>
        </thead>
        <tbody>
          {header.map((h, column) => {
            if (h === '' && sample.every((r) => (r[column] ?? '') === '')) return null;
            const example = sample.map((r) => r[column] ?? '').find((v) => v.trim() !== '') ?? '';
            return (
              <tr key={column}>
                <th scope="row">{h || `#${column + 1}`}</th>
                <td className="mapping-example">{example.length > 40 ? `${example.slice(0, 40)}…` : example}</td>
                <td>
                  <select
                    aria-label={h || `#${column + 1}`}
                    value={fieldOf(column)}
                    data-column={column}
                    onChange={(e) => {
                      const current = fieldOf(column);
                      let next = current ? setMapping(mapping, current, null) : mapping;
                      if (e.target.value) next = setMapping(next, e.target.value as TargetField, column);
                      onChange(next);
                    }}
                  >
                    <option value="">{t('import.mapping.ignore')}</option>
                    {TARGET_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {t(`import.field.${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
