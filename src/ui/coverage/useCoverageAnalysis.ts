import { useEffect, useMemo, useRef, useState } from 'react';
import {
  communeAt,
  concatOffers,
  incompleteDepartements,
  locatedOffers,
  selectOffers,
  simOffer,
  summarise,
  territoryTable,
  type CoverageOffer,
  type CoverageSummary,
  type NearestResult,
  type TerritoryRow,
} from '../../domain/coverage/index';
import type { RegionData } from '../../data/load-region';
import { selectAllStructures } from '../../store/import-slice';
import { useApp, useAppStore } from '../../store/react';
import type { CoverageSettings } from '../../store/coverage-slice';
import { LatestOnly } from '../../workers/coverage-client';
import type { ExtrasResult } from '../../workers/coverage-engine';
import { useRegionContours } from '../useRegionContours';
import { coverageClientFor } from './coverage-client-cache';

export interface SimInfo {
  index: number;
  lon: number;
  lat: number;
  type: string;
  /** INSEE code of the commune it falls in, '' outside the region. */
  commune: string;
  /** Counted when its type is among the selected types (and known to the region). */
  counted: boolean;
  knownType: boolean;
}

export interface CoverageAnalysis {
  settings: CoverageSettings;
  /** Threshold in force (the slider's while dragging). */
  thresholdKm: number;
  offers: CoverageOffer[];
  catalogueOffers: number;
  located: number;
  sims: SimInfo[];
  /** Nearest answer for the current offers and reading, or null while the first one is computed. */
  nearest: NearestResult | null;
  /** The offers that answer refers to (its `offer` indices point into this list). */
  resultOffers: CoverageOffer[];
  /** True while a newer nearest answer is on its way (the figures shown are the previous ones). */
  computing: boolean;
  summary: CoverageSummary | null;
  /** Départements where the catalogue misses expected offers of a selected type: communes beyond there are unknown. */
  incomplete: ReadonlySet<string>;
  /** Computed on verified rows only. */
  verifiedOnly: boolean;
  rows: TerritoryRow[];
  deptRows: TerritoryRow[];
  extras: ExtrasResult | null;
  extrasPending: boolean;
  error: string | null;
}

const EXTRAS_DELAY_MS = 180;

const identities = new WeakMap<object, number>();
let nextIdentity = 0;
/** A number per object, stable while it lives. */
function identity(o: object): number {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = nextIdentity++));
  return id;
}

interface ExtrasArgs {
  key: string;
  offers: CoverageOffer[];
  incomplete: string[];
  reading: CoverageSettings['reading'];
  thresholdKm: number;
}

/** Everything the coverage view shows, computed from the store: heavy parts in the worker. */
export function useCoverageAnalysis(data: RegionData): CoverageAnalysis {
  const settings = useApp((s) => s.coverage);
  const liveKm = useApp((s) => s.coverageLiveKm);
  const committedKm = settings.thresholdKm ?? data.config.defaultThresholdKm;
  const thresholdKm = liveKm ?? committedKm;
  const store = useAppStore();
  const client = coverageClientFor(store, data);

  const typeIds = useMemo(() => data.config.offerTypes.map((t) => t.id), [data]);
  // Parsed before the coverage tab shows (WhenCommunes parsed).
  const contours = useRegionContours(data);
  // The offer on the map: the catalogue with merged imports, plus visible imported layers.
  const structures = useApp(selectAllStructures);
  const verifiedOnly = useApp((s) => s.filter.verifiedOnly === true);
  const catalogue = useMemo(
    () => selectOffers(structures, { types: settings.types, stages: settings.stages, verifiedOnly }),
    [structures, settings.types, settings.stages, verifiedOnly],
  );
  const simsNow = useMemo<SimInfo[]>(
    () =>
      settings.sims.map((s, index) => {
        const knownType = typeIds.includes(s.type);
        return {
          ...s,
          index,
          commune: contours ? communeAt(contours, s.lon, s.lat) : '',
          knownType,
          counted: knownType && (settings.types === null || settings.types.includes(s.type)),
        };
      }),
    [contours, settings.sims, settings.types, typeIds],
  );
  // The map redraws whatever these feed (test sites, hatched communes): a new array or set
  // with the same content would cost a redraw before the new figures, hundreds of
  // milliseconds at 150,000 structures in software rendering.
  const sims = useSameWhileEqual(simsNow, JSON.stringify(simsNow));
  const offers = useMemo(() => {
    const counted = sims.filter((s) => s.counted);
    // Without test sites, the selection itself: copying 150,000 offers took 12–75 ms per change.
    if (counted.length === 0) return catalogue;
    // With them, the selection's columns are reused (domain/coverage/columns.ts).
    return concatOffers(catalogue, counted.map((s) => simOffer(s, s.index, s.commune, data.communeByCode.get(s.commune)?.dept ?? '')));
  }, [catalogue, sims, data]);
  // A test site does complete its département: "what if we opened a Maison here?".
  const incompleteNow = useMemo(
    () => incompleteDepartements(offers, data.config.expectations, settings.types, data.config.departements),
    [offers, data, settings.types],
  );
  const incompleteKey = [...incompleteNow].sort().join(',');
  const incomplete = useSameWhileEqual(incompleteNow, incompleteKey);
  const reading = settings.reading;

  // Nearest offer per commune: in the worker, latest request only.
  const requestKey = useMemo(() => ({ offers, reading }), [offers, reading]);
  const [nearest, setNearest] = useState<{ key: typeof requestKey; result: NearestResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nearestRunner = useRef<LatestOnly<typeof requestKey, NearestResult> | null>(null);
  useEffect(() => {
    const runner = new LatestOnly<typeof requestKey, NearestResult>(
      (req) => client.nearest({ offers: req.offers, reading: req.reading }),
      (result, key) => setNearest({ key, result }),
      (e) => setError(String(e)),
    );
    nearestRunner.current = runner;
    return () => runner.dispose();
  }, [client]);
  useEffect(() => nearestRunner.current?.request(requestKey), [requestKey]);

  // Gap area and suggestions: debounced, in the worker, latest only.
  const [extras, setExtras] = useState<{ key: string; result: ExtrasResult } | null>(null);
  const extrasKey = useMemo(
    // The offers array's identity stands for its content (useMemo): joining 150,000 ids took 200 ms per change.
    () => `${thresholdKm}|${reading}|${incompleteKey}|${identity(offers)}`,
    [thresholdKm, reading, offers, incompleteKey],
  );
  const extrasRunner = useRef<LatestOnly<ExtrasArgs, ExtrasResult> | null>(null);
  useEffect(() => {
    const runner = new LatestOnly<ExtrasArgs, ExtrasResult>(
      (args) =>
        client.extras({ offers: args.offers, reading: args.reading, thresholdKm: args.thresholdKm, suggestions: 3, incomplete: args.incomplete }),
      (result, args) => setExtras({ key: args.key, result }),
      (e) => setError(String(e)),
    );
    extrasRunner.current = runner;
    return () => runner.dispose();
  }, [client]);
  useEffect(() => {
    const args: ExtrasArgs = { key: extrasKey, offers, reading, thresholdKm, incomplete: [...incomplete] };
    const timer = setTimeout(() => extrasRunner.current?.request(args), EXTRAS_DELAY_MS);
    return () => clearTimeout(timer);
    // extrasKey stands for offers, reading and threshold together.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [extrasKey]);

  const current = nearest?.result ?? null;
  // Figures follow the slider at once: comparing 4,446 distances is instant.
  const summary = useMemo(
    () => (current ? summarise(data.communes, current, thresholdKm, incomplete) : null),
    [data, current, thresholdKm, incomplete],
  );
  const tableOffers = nearest?.key.offers ?? offers;
  const tableReading = nearest?.key.reading ?? reading;
  const epciNames = useMemo(() => new Map(data.epci.map((e) => [e.code, e.name])), [data]);
  const deptNames = useMemo(() => new Map(data.departements.features.map((f) => [f.properties.code, f.properties.nom])), [data]);
  const deptRows = useMemo(
    () => (current ? territoryTable(data.communes, current, tableOffers, { groupBy: 'dept', thresholdKm, reading: tableReading, names: deptNames, incomplete }) : []),
    [data, current, tableOffers, thresholdKm, tableReading, deptNames, incomplete],
  );
  const epciRows = useMemo(
    () =>
      current && settings.groupBy === 'epci'
        ? territoryTable(data.communes, current, tableOffers, { groupBy: 'epci', thresholdKm, reading: tableReading, names: epciNames, incomplete })
        : [],
    [data, current, tableOffers, thresholdKm, tableReading, epciNames, settings.groupBy, incomplete],
  );
  // Once per selection, not at every render (a slider drag renders many times).
  const located = useMemo(() => locatedOffers(offers), [offers]);

  return {
    settings,
    thresholdKm,
    offers,
    catalogueOffers: catalogue.length,
    located,
    sims,
    nearest: current,
    resultOffers: tableOffers,
    computing: nearest === null || nearest.key !== requestKey,
    summary,
    incomplete,
    verifiedOnly,
    rows: settings.groupBy === 'epci' ? epciRows : deptRows,
    deptRows,
    extras: extras?.result ?? null,
    extrasPending: extras === null || extras.key !== extrasKey,
    error,
  };
}

/** The value first seen with this key, as long as the key stays the same. */
function useSameWhileEqual<T>(value: T, key: string): T {
  const kept = useRef<{ key: string; value: T } | null>(null);
  if (!kept.current || kept.current.key !== key) kept.current = { key, value };
  return kept.current.value;
}
