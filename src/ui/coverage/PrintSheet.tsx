import { CompletenessTable } from '../catalogue/CompletenessTable';
import { selectCatalogue } from '../../store/import-slice';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { bbox } from '@turf/bbox';
import { featureCollection } from '@turf/helpers';
import type { Feature, Geometry } from 'geojson';
import { isBeyond, territoryTable, type TerritoryRow } from '../../domain/coverage/index';
import type { RegionData } from '../../data/load-region';
import { formatDate, formatKm, formatNumber } from '../../i18n/translate';
import { mapImage, setTerritoryOutline } from '../../map/coverage-overlay';
import { useMapController } from '../../map/map-context';
import { useApp, useT } from '../../store/react';
import type { CoverageAnalysis } from './useCoverageAnalysis';
import { useRegionContours } from '../useRegionContours';

type Kind = 'dept' | 'epci';
interface Sheet {
  kind: Kind;
  code: string;
  image: string;
}

/** Communes listed on the one-page sheet before "and N others". */
const MAX_COMMUNES = 26;

function territoryCommunes(data: RegionData, kind: Kind, code: string) {
  return data.communes.filter((c) => (kind === 'dept' ? c.dept === code : c.epci === code));
}

/** "Fiche imprimable": choose a département or an EPCI, then print a one-page sheet (print stylesheet). */
export function PrintSheetControls({ data, analysis }: { data: RegionData; analysis: CoverageAnalysis }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const controller = useMapController();
  // Parsed before the coverage tab shows (WhenCommunes parsed).
  const contours = useRegionContours(data);
  const depts = useMemo(() => [...data.departements.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code)), [data]);
  const epcis = useMemo(() => [...data.epci].sort((a, b) => a.name.localeCompare(b.name, 'fr')), [data]);
  const [target, setTarget] = useState(`dept:${depts[0]?.properties.code ?? ''}`);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [busy, setBusy] = useState(false);
  const restore = useRef<(() => void) | null>(null);

  const prepare = async () => {
    const [kind, code] = target.split(':') as [Kind, string];
    setBusy(true);
    let image = '';
    try {
      if (controller) {
        const before = controller.getCamera();
        const communes = territoryCommunes(data, kind, code);
        const codes = new Set(communes.map((c) => c.code));
        setTerritoryOutline(controller, kind === 'dept' ? { dept: code } : { codes: [...codes] });
        const shapes: Feature<Geometry>[] =
          kind === 'dept' ? data.departements.features.filter((f) => f.properties.code === code) : (contours?.features ?? []).filter((f) => codes.has(f.properties.code));
        if (shapes.length > 0) {
          const [w, s, e, n] = bbox(featureCollection(shapes));
          controller.fitBounds([[w, s], [e, n]], { padding: 24, animate: false });
        }
        await controller.whenIdle();
        image = mapImage(controller);
        restore.current = () => {
          setTerritoryOutline(controller, null);
          controller.jumpTo(before);
        };
      }
    } finally {
      setBusy(false);
    }
    setSheet({ kind, code, image });
  };

  useEffect(() => {
    if (!sheet) return;
    const done = () => {
      restore.current?.();
      restore.current = null;
      setSheet(null);
    };
    window.addEventListener('afterprint', done, { once: true });
    // Let the sheet render before the print dialog takes its snapshot.
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [sheet]);
  useEffect(() => () => restore.current?.(), []);

  return (
    <div className="coverage-print">
      <h4>{t('coverage.print')}</h4>
      <label className="field">
        <span>{t('coverage.print.territory')}</span>
        <select value={target} data-testid="coverage-print-target" onChange={(e) => setTarget(e.target.value)}>
          <optgroup label={t('coverage.table.by.dept')}>
            {depts.map((f) => (
              <option key={f.properties.code} value={`dept:${f.properties.code}`}>
                {f.properties.code} — {f.properties.nom}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('coverage.table.by.epci')}>
            {epcis.map((e) => (
              <option key={e.code} value={`epci:${e.code}`}>
                {e.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <button type="button" data-testid="coverage-print" disabled={busy || !analysis.nearest} onClick={() => void prepare()}>
        {busy ? t('coverage.print.preparing') : t('coverage.print.button')}
      </button>
      {sheet && analysis.nearest && createPortal(<PrintSheet data={data} analysis={analysis} sheet={sheet} lang={lang} />, document.body)}
    </div>
  );
}

function PrintSheet({ data, analysis, sheet, lang }: { data: RegionData; analysis: CoverageAnalysis; sheet: Sheet; lang: 'fr' | 'en' }) {
  const t = useT();
  const catalogue = useApp(selectCatalogue);
  const nearest = analysis.nearest!;
  const offers = analysis.resultOffers;
  const { thresholdKm, settings } = analysis;
  const indices = data.communes.map((c, i) => [c, i] as const).filter(([c]) => (sheet.kind === 'dept' ? c.dept === sheet.code : c.epci === sheet.code));
  const names = new Map(
    sheet.kind === 'dept' ? data.departements.features.map((f) => [f.properties.code, f.properties.nom] as const) : data.epci.map((e) => [e.code, e.name] as const),
  );
  const row: TerritoryRow | undefined = territoryTable(data.communes, nearest, offers, {
    groupBy: sheet.kind,
    thresholdKm,
    reading: settings.reading,
    names,
    incomplete: analysis.incomplete,
  }).find(
    (r) => r.code === sheet.code,
  );
  const name = names.get(sheet.code) ?? sheet.code;
  const codes = new Set(indices.map(([c]) => c.code));
  const depts = new Set(indices.map(([c]) => c.dept));
  // Offers for the territory: sited there, serving it by declared zone, or nearest to one of its communes.
  const nearestCount = new Map<number, number>();
  for (const [, i] of indices) {
    const o = nearest.offer[i]!;
    if (o >= 0) nearestCount.set(o, (nearestCount.get(o) ?? 0) + 1);
  }
  const offerRows = offers
    .map((o, k) => ({ o, k, inside: codes.has(o.commune), zone: settings.reading === 'zones' && o.zone.some((z) => z === 'region' || depts.has(z)), n: nearestCount.get(k) ?? 0 }))
    .filter((x) => x.inside || x.zone || x.n > 0)
    .sort((a, b) => b.n - a.n || Number(b.inside) - Number(a.inside) || a.o.name.localeCompare(b.o.name, 'fr'));
  const beyond = indices.filter(([, i]) => isBeyond(nearest.distanceKm[i]!, thresholdKm)).sort((a, b) => b[0].population - a[0].population);
  const shown = beyond.slice(0, MAX_COMMUNES);
  const rest = beyond.slice(MAX_COMMUNES);
  const typeLabel = (id: string) => data.config.offerTypes.find((o) => o.id === id)?.label[lang] ?? id;
  const km = formatKm(lang, thresholdKm);
  const pct = (x: number) => `${formatNumber(lang, x * 100, 1)} %`;
  const typesText = settings.types === null ? t('coverage.allTypes') : settings.types.length ? settings.types.map(typeLabel).join(', ') : t('coverage.noTypes');

  return (
    <div className="print-sheet" data-testid="print-sheet" lang={lang}>
      <header>
        <h1>{t('coverage.sheet.title', { name })}</h1>
        <p>
          {t('coverage.sheet.settings', { km, reading: t(`coverage.reading.${settings.reading}`), types: typesText })}
          {analysis.sims.some((s) => s.counted) ? ` ${t('coverage.sheet.sims', { n: analysis.sims.filter((s) => s.counted).length })}` : ''}
        </p>
        <p className="print-muted">{t('coverage.sheet.date', { date: formatDate(lang, new Date().toISOString().slice(0, 10)), region: data.config.name[lang] })}</p>
      </header>
      {sheet.image && <img className="print-map" src={sheet.image} alt={t('coverage.sheet.mapAlt', { name })} />}
      {row && (
        <dl className="print-figures">
          <div>
            <dt>{t('coverage.beyondCommunes', { km })}</dt>
            <dd>
              {formatNumber(lang, row.beyondCommunes)} / {formatNumber(lang, row.communes)}
            </dd>
          </div>
          <div>
            <dt>{t('coverage.beyondPopulation', { km })}</dt>
            <dd>
              {formatNumber(lang, row.beyondPopulation)} / {formatNumber(lang, row.population)} ({pct(row.beyondPopulationShare)})
            </dd>
          </div>
          <div>
            <dt>{t('coverage.unknown')}</dt>
            <dd data-testid="print-unknown">
              {formatNumber(lang, row.unknownPopulation)} ({t('coverage.table.unknownCommunes', { n: row.unknownCommunes })})
            </dd>
          </div>
          <div>
            <dt>{t('coverage.table.farthest')}</dt>
            <dd>
              {row.farthestName} — {Number.isFinite(row.farthestKm) ? formatKm(lang, row.farthestKm) : t('coverage.unreachable')}
            </dd>
          </div>
          <div>
            <dt>{t('coverage.table.offersPer10k')}</dt>
            <dd>{row.offersPer10k === null ? '—' : formatNumber(lang, row.offersPer10k, 2)}</dd>
          </div>
        </dl>
      )}
      <div className="print-columns">
        <section>
          <h2>{t('coverage.sheet.offers')}</h2>
          {offerRows.length === 0 ? (
            <p>{t('coverage.sheet.noOffers')}</p>
          ) : (
            <ul>
              {offerRows.map(({ o, inside, zone, n }) => (
                <li key={o.id}>
                  <strong>{o.name}</strong> — {typeLabel(o.type)}
                  {o.hypothetical ? ` (${t('coverage.sheet.hypothetical')})` : ''}
                  {inside ? ` · ${t('coverage.sheet.inside')}` : ''}
                  {zone ? ` · ${t('coverage.sheet.zone')}` : ''}
                  {n > 0 ? ` · ${t('coverage.sheet.nearestFor', { n })}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>{t('coverage.sheet.uncovered', { km, n: beyond.length })}</h2>
          {beyond.length === 0 ? (
            <p>{t('coverage.sheet.noneUncovered')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('coverage.csv.commune')}</th>
                  <th scope="col">{t('coverage.csv.population')}</th>
                  <th scope="col">{t('coverage.csv.distance')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(([c, i]) => (
                  <tr key={c.code}>
                    <td>{c.name}</td>
                    <td className="num">{formatNumber(lang, c.population)}</td>
                    <td className="num">{Number.isFinite(nearest.distanceKm[i]!) ? formatKm(lang, nearest.distanceKm[i]!) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {rest.length > 0 && (
            <p>{t('coverage.sheet.more', { n: rest.length, pop: rest.reduce((s, [c]) => s + c.population, 0) })}</p>
          )}
        </section>
      </div>
      <section className="print-catalogue">
        <h2>{t('coverage.sheet.catalogue')}</h2>
        <CompletenessTable data={data} structures={catalogue} depts={[...depts].sort()} />
      </section>
      <footer className="print-muted">{t('coverage.sheet.footer')}</footer>
    </div>
  );
}
