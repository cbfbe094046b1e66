import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre finds its worker next to its own module, which bundling moves: hand
// it the worker file's URL explicitly (a self-contained module, copied as is).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { FitBoundsOptions, LayerSpecification, MapGeoJSONFeature } from 'maplibre-gl';
import type { RegionData } from '../data/load-region';
import type { Commune, Structure } from '../domain/types';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS, clusterMaxZoom } from './cluster';
import { baseStyle, communeLayers, COMMUNES_BEFORE, communesSource, LAYER, markerImageId, OVERLAY_ANCHOR, SOURCE, structureLayerId } from './style';
import { COMMUNE_TILE_LAYER, tileUrl, viewTiles } from '../domain/tiles';
import { afterDownload } from './after-download';
import { drawCluster, drawLabel, drawMarker, IMAGE_PIXEL_RATIO, type RasterImage } from './draw-images';
import { boundsOf, paddingClearOf, type Rect } from './framing';
import { LARGE_FEATURES, largeGeojsonUrl, releaseLargeGeojson } from './large-geojson';

export interface MapCallbacks {
  onSelectStructure(id: string | null): void;
  onViewChange(view: { lon: number; lat: number; zoom: number }): void;
  onCommuneClick?(commune: Commune): void;
  /** Renders the commune details shown on hover or tap, as a DOM node built with textContent. */
  renderCommune(commune: Commune): HTMLElement;
  /** The communes are drawn (`showCommunes`): their tiles in view have arrived and the map is still. */
  onCommunesShown?(): void;
}

/** A camera position: centre and zoom. */
export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

/** [[west, south], [east, north]] in degrees. */
export type LonLatBounds = [[number, number], [number, number]];

/** A click on the map, as handed to onClick listeners. */
export interface MapClick {
  lon: number;
  lat: number;
  /** The rendered features under the click on these layers (layers not on the map are skipped). */
  featuresAt(layers: readonly string[]): MapGeoJSONFeature[];
}

export interface MapOptions {
  container: HTMLElement;
  data: RegionData;
  initialView: { lon: number; lat: number; zoom: number } | null;
  callbacks: MapCallbacks;
  ariaLabel: string;
  /**
   * Whether the first view is drawn where the map opens (then the commune tiles of that view
   * are fetched ahead, see prefetchCommuneTiles); false when the page moves the camera right
   * after (a partner's territory, a place, a structure), for tiles it would not draw.
   */
  prefetchCommuneTiles: boolean;
  /**
   * The structures the first view shows (already filtered) and their imported layers'
   * colours: in the style from the start, prepared by the map's worker with the territory,
   * rather than handed over once the map has loaded (a second round, 0.2-0.3 s later on a
   * slow phone). A later `setStructures` with the same ones costs nothing.
   */
  structures?: { list: readonly Structure[]; halos: ReadonlyMap<Structure, string> };
  /**
   * Overlays known before the map loads (the imported layers' halos): in the style from the
   * start. Added after the load, a layer on the structures' source made the worker cut
   * that source's tiles again before the first view was still.
   */
  overlays?: readonly LayerSpecification[];
}

/**
 * The one owner of the imperative maplibregl.Map. React components talk to the
 * map only through this class; it never imports UI code.
 */
maplibregl.setWorkerUrl(maplibreWorkerUrl);

/**
 * Start MapLibre's worker (download and start-up, about 120 KB brotli) now, while the page
 * renders and the region's first view arrives, rather than when the map is created.
 */
export function prewarmMap(): void {
  if (typeof Worker !== 'undefined') maplibregl.prewarm();
}

/**
 * Resolves once MapLibre's worker script has downloaded (the map cannot draw before), or
 * after `timeoutMs` whatever happens: for downloads that should not share the connection
 * with it.
 */
export function whenMapWorkerDownloaded(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const stop = afterDownload(maplibreWorkerUrl, done);
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

const NO_HALOS: ReadonlyMap<Structure, string> = new Map();

export class MapController {
  // Private on purpose: panels use the operations below, never MapLibre itself.
  private readonly map: maplibregl.Map;
  private data: RegionData;
  private communesShown = false;
  private readonly callbacks: MapCallbacks;
  private hoveredCode: string | null = null;
  private readonly popup: maplibregl.Popup;
  private readonly ready: Promise<void>;
  private structureTypes: string[];
  private pendingUpdates = 0;
  /** Counts setStructures calls: a large one still being prepared gives way to a newer one. */
  private structuresGeneration = 0;
  /** The URL the structures were last handed over as, if large (freed when replaced). */
  private structuresUrl: string | null = null;
  private shownStructures: readonly Structure[] | null = null;
  private shownHalos: ReadonlyMap<Structure, string> = NO_HALOS;
  private readonly stopPrefetch: () => void;
  /** Last clustered zoom set on each clustered source, once changed from the style's. */
  private readonly clusterZooms = new Map<string, number>([[SOURCE.structures, CLUSTER_MAX_ZOOM]]);

  constructor(options: MapOptions) {
    this.data = options.data;
    this.callbacks = options.callbacks;
    const { config } = options.data;
    this.structureTypes = config.offerTypes.map((t) => t.id);
    const initial = options.structures;
    const first = initial ? structureFeatures(initial.list, initial.halos) : null;
    // A large catalogue goes over as text read in the worker (setStructures), not in the style.
    const inStyle = initial && first && first.count < LARGE_FEATURES ? first : null;
    if (initial && inStyle) {
      this.shownStructures = initial.list;
      this.shownHalos = initial.halos;
      this.clusterZooms.set(SOURCE.structures, clusterMaxZoom(inStyle.count));
    }
    this.map = new maplibregl.Map({
      container: options.container,
      style: baseStyle(
        config.offerTypes,
        {
          region: { type: 'FeatureCollection', features: [options.data.region] },
          departements: options.data.departements,
          deptLabels: departementLabelPoints(options.data.departements),
          structures: inStyle ? { data: inStyle.collection(), clusterMaxZoom: clusterMaxZoom(inStyle.count) } : undefined,
        },
        options.overlays,
      ),
      bounds: options.initialView ? undefined : (config.bounds as [[number, number], [number, number]]),
      center: options.initialView ? [options.initialView.lon, options.initialView.lat] : undefined,
      zoom: options.initialView?.zoom,
      fitBoundsOptions: { padding: 12 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxPitch: 0,
      // Keeps the canvas readable for PNG export of the map.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.getCanvas().setAttribute('aria-label', options.ariaLabel);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.addControl(
      new maplibregl.AttributionControl({
        compact: true,
        customAttribution: config.attributions.map((a) => escapeHtml(a.text)),
      }),
      'bottom-right',
    );
    this.popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, maxWidth: '260px', className: 'commune-popup' });
    this.map.setMissingStyleImageResolver((id) => this.provideImage(id));
    // Once MapLibre's worker script is in, the network waits for the first view to be drawn:
    // the commune tiles of the view come into the browser's cache meanwhile (see prefetchCommuneTiles).
    this.stopPrefetch = options.prefetchCommuneTiles ? afterDownload(maplibreWorkerUrl, () => this.prefetchCommuneTiles()) : () => undefined;
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => this.initialise());
    // End-to-end tests and benchmarks read the map's state from the page. The hook
    // exists in development and in builds made with MAILLAGE_TEST_HOOK=1 only
    // (scripts/lib/build-app.ts): the shipped bundle has none.
    if (import.meta.env.DEV || __MAILLAGE_TEST_HOOK__) exposeForTests(this, this.map);
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  private initialise(): void {
    // On a phone the credits fold behind their (i) button instead of covering the map.
    if (this.map.getContainer().clientWidth < 640) this.foldAttribution();
    // The outline and the départements came with the style (constructor).
    this.bindEvents();
  }

  /** More of the same region has arrived (the commune list, after the first paint): commune lookups use it. */
  setTerritory(data: RegionData): void {
    this.data = data;
  }

  /**
   * Draws the communes, once: the first view leaves them out (their tiles would share the
   * network with the map's own files), so the caller shows them once it has been drawn.
   * `onCommunesShown` follows when their tiles in view are in and drawn.
   */
  showCommunes(): void {
    void this.ready.then(() => {
      if (this.communesShown) return;
      this.communesShown = true;
      this.ensureCommunes();
      void this.whenIdle(60_000).then(() => this.callbacks.onCommunesShown?.());
    });
  }

  /**
   * Adds the communes' source and layers if not yet there: when the first view is drawn,
   * or sooner if an overlay drawn on the communes (coverage, a partner's territory) or a
   * state set on them comes first.
   */
  private ensureCommunes(): void {
    if (this.map.getSource(SOURCE.communes)) return;
    this.map.addSource(SOURCE.communes, communesSource({ url: this.data.communeTilesUrl, pyramid: this.data.manifest.communeTiles }));
    for (const layer of communeLayers()) this.map.addLayer(layer, COMMUNES_BEFORE);
  }

  /**
   * The commune tiles of the current view, fetched into the browser's cache while the first
   * view is drawn (the network is idle then), so that drawing the communes right after it
   * finds them there instead of downloading them then (about 100 KB for the Occitanie
   * overview, 0.5 s on 4G). A tile's address never changes content (its folder is its
   * version, src/domain/tiles.ts), so hosts let browsers keep it without asking again
   * (docs/hosting.md): the map's own request is answered from that cache.
   */
  private prefetchCommuneTiles(): void {
    // A page the service worker controls has the tiles in its cache already (src/offline).
    if (this.map.getSource(SOURCE.communes) || navigator.serviceWorker?.controller) return;
    const b = this.map.getBounds();
    const tiles = viewTiles(this.data.manifest.communeTiles, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], this.map.getZoom());
    for (const tile of tiles) {
      fetch(tileUrl(this.data.communeTilesUrl, tile), { priority: 'low' } as RequestInit)
        .then((response) => response.arrayBuffer())
        .catch(() => undefined);
    }
  }

  private ensureSourceOf(layer: LayerSpecification): void {
    if ('source' in layer && layer.source === SOURCE.communes) this.ensureCommunes();
  }

  private provideImage(id: string): void {
    if (this.map.hasImage(id)) return;
    let img;
    if (id.startsWith('marker-')) {
      const type = this.data.config.offerTypes.find((t) => markerImageId(t.id) === id);
      if (!type) return;
      img = drawMarker(type.symbol, type.color);
    } else if (id.startsWith('cluster-')) {
      img = drawCluster(id.slice('cluster-'.length));
    } else if (id.startsWith('label-')) {
      img = drawLabel(id.slice('label-'.length), { fontSize: 13, bold: true, color: '#1d3557' });
    } else return;
    this.map.addImage(id, img, { pixelRatio: IMAGE_PIXEL_RATIO });
  }

  private bindEvents(): void {
    const map = this.map;
    map.on('mousemove', LAYER.communesFill, (e) => {
      const code = e.features?.[0]?.properties?.code as string | undefined;
      if (code) this.hoverCommune(code, e.lngLat);
    });
    map.on('mouseleave', LAYER.communesFill, () => this.hoverCommune(null));
    map.on('click', (e) => {
      const hits = map.queryRenderedFeatures(e.point, {
        layers: [LAYER.clusters, ...this.structureTypes.map(structureLayerId)].filter((id) => map.getLayer(id)),
      });
      const hit = hits[0];
      if (hit?.properties?.cluster_id !== undefined) {
        void this.expandCluster(hit as unknown as Feature<Point>);
        return;
      }
      if (hit?.properties?.id) {
        this.callbacks.onSelectStructure(String(hit.properties.id));
        return;
      }
      const commune = map.getLayer(LAYER.communesFill) ? map.queryRenderedFeatures(e.point, { layers: [LAYER.communesFill] })[0] : undefined;
      const code = commune?.properties?.code as string | undefined;
      if (code) {
        this.hoverCommune(code, e.lngLat);
        const c = this.data.communeByCode.get(code);
        if (c) this.callbacks.onCommuneClick?.(c);
      }
    });
    for (const layer of [LAYER.clusters, ...this.structureTypes.map(structureLayerId)]) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
    map.on('moveend', () => {
      const c = map.getCenter();
      this.callbacks.onViewChange({ lon: c.lng, lat: c.lat, zoom: map.getZoom() });
    });
  }

  private async expandCluster(feature: Feature<Point>): Promise<void> {
    const source = this.map.getSource(SOURCE.structures) as maplibregl.GeoJSONSource;
    const zoom = await source.getClusterExpansionZoom(Number(feature.properties?.cluster_id));
    this.map.easeTo({ center: feature.geometry.coordinates as [number, number], zoom: zoom + 0.2 });
  }

  /** Highlight a commune and show its details, or clear with null. */
  hoverCommune(code: string | null, at?: maplibregl.LngLatLike): void {
    if (this.hoveredCode === code && code !== null) {
      if (at) this.popup.setLngLat(at);
      return;
    }
    if (this.hoveredCode) this.setFeatureState(SOURCE.communes, this.hoveredCode, { hover: false });
    this.hoveredCode = code;
    if (!code) {
      this.popup.remove();
      return;
    }
    this.setFeatureState(SOURCE.communes, code, { hover: true });
    const commune = this.data.communeByCode.get(code);
    if (!commune) return;
    this.popup
      .setLngLat(at ?? [commune.lon, commune.lat])
      .setDOMContent(this.callbacks.renderCommune(commune))
      .addTo(this.map);
  }

  /**
   * Show these structures (already filtered); those without a position are not drawn.
   * `halos` gives the colour of the imported layer a structure comes from.
   */
  setStructures(structures: readonly Structure[], halos: ReadonlyMap<Structure, string> = NO_HALOS): void {
    // The same structures again (e.g. right after load) would only redo the clustering.
    const last = this.shownStructures;
    if (last && this.shownHalos === halos && last.length === structures.length && last.every((s, i) => s === structures[i])) return;
    this.shownStructures = structures;
    this.shownHalos = halos;
    this.pendingUpdates += 1; // released below, once the data is handed over
    const { count, feature, collection } = structureFeatures(structures, halos);
    const generation = ++this.structuresGeneration;
    const stale = () => generation !== this.structuresGeneration;
    void this.ready
      .then(async () => {
        // Many points (an import) go over as text read in MapLibre's worker: as objects, 150,000
        // of them took the page's thread 2.4 s to copy there.
        const url = count >= LARGE_FEATURES ? await largeGeojsonUrl(count, feature, stale) : null;
        if (stale()) return releaseLargeGeojson(url);
        this.setClusterMaxZoom(SOURCE.structures, clusterMaxZoom(count));
        this.setSourceData(SOURCE.structures, url ?? collection());
        releaseLargeGeojson(this.structuresUrl);
        this.structuresUrl = url;
      })
      .finally(() => (this.pendingUpdates -= 1));
  }

  setSelected(id: string | null): void {
    void this.ready.then(() => this.map.setFilter(LAYER.selected, ['==', ['get', 'id'], id ?? '']));
  }

  flyTo(lon: number, lat: number, zoom?: number): void {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const target = { center: [lon, lat] as [number, number], zoom: zoom ?? Math.max(this.map.getZoom(), 10) };
    if (reduced) this.map.jumpTo(target);
    else this.map.flyTo({ ...target, duration: 900 });
  }

  /**
   * Show these [lon, lat] points together, clear of what covers the map: the
   * given rectangles (the side panel, a bottom sheet, in page pixels) and the
   * map's own controls. The canvas is resized first, in case the layout just
   * changed (the sheet grows when results appear).
   */
  frame(points: ReadonlyArray<readonly [number, number]>, covers: readonly Rect[], options: { maxZoom?: number } = {}): void {
    if (points.length === 0) return;
    this.map.resize();
    const container = this.map.getContainer();
    const controls = [...container.querySelectorAll('.maplibregl-ctrl')].map((el) => el.getBoundingClientRect());
    const padding = paddingClearOf(container.getBoundingClientRect(), [...covers, ...controls]);
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    this.map.fitBounds(boundsOf(points), { padding, maxZoom: options.maxZoom ?? 11, duration: reduced ? 0 : 800 });
  }

  fitRegion(): void {
    this.map.fitBounds(this.data.config.bounds as [[number, number], [number, number]], { padding: 12 });
  }

  // Camera and events, for the panels.

  /** Folds the credits behind their (i) button (small slots and phones). */
  foldAttribution(): void {
    this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  }

  /** The visible area as [west, south, east, north]. */
  /** The element the map draws in (to find the panel of this map among several on a page). */
  getContainer(): HTMLElement {
    return this.map.getContainer();
  }

  getBounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  getCamera(): MapCamera {
    const c = this.map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  jumpTo(camera: MapCamera): void {
    this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }

  fitBounds(bounds: LonLatBounds, options?: FitBoundsOptions): void {
    this.map.fitBounds(bounds, options);
  }

  /** Calls listener after each camera move; returns the unsubscribe. */
  onMoveEnd(listener: () => void): () => void {
    this.map.on('moveend', listener);
    return () => void this.map.off('moveend', listener);
  }

  /** Calls listener on each click on the map; returns the unsubscribe. */
  onClick(listener: (click: MapClick) => void): () => void {
    const handler = (e: maplibregl.MapMouseEvent) =>
      listener({
        lon: e.lngLat.lng,
        lat: e.lngLat.lat,
        featuresAt: (layers) => this.map.queryRenderedFeatures(e.point, { layers: layers.filter((id) => this.map.getLayer(id)) }),
      });
    this.map.on('click', handler);
    return () => void this.map.off('click', handler);
  }

  /** The ids of the layers drawing structure markers and clusters. */
  markerLayerIds(): string[] {
    return [LAYER.clusters, ...this.structureTypes.map(structureLayerId)];
  }

  /** Sets the canvas cursor (CSS value, '' for the default); returns the previous one. */
  setCursor(cursor: string): string {
    const canvas = this.map.getCanvas();
    const previous = canvas.style.cursor;
    canvas.style.cursor = cursor;
    return previous;
  }

  /** Resolves once the map has drawn everything (or after timeoutMs). */
  whenIdle(timeoutMs = 4000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      this.map.triggerRepaint();
    });
  }

  /**
   * Resolves once the map is idle with every data update drawn (`settled`), with that
   * idle's moment (performance.now()), or after timeoutMs if given, with that moment: the
   * first view is drawn with its structures only then (an idle can come before MapLibre
   * counts the structures' update as pending).
   */
  whenSettled(timeoutMs?: number): Promise<number> {
    return new Promise((resolve) => {
      const finish = (at: number) => {
        clearTimeout(timer);
        this.map.off('idle', onIdle);
        resolve(at);
      };
      const onIdle = () => {
        const at = performance.now();
        // Once this idle's other listeners have run: the updates' own count is released by one.
        setTimeout(() => this.settled && finish(at), 0);
      };
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(performance.now()), timeoutMs);
      this.map.on('idle', onIdle);
      this.map.triggerRepaint();
    });
  }

  /** The map as a PNG data URL (the map keeps its drawing buffer for this). */
  toPNG(): string {
    this.map.triggerRepaint();
    return this.map.getCanvas().toDataURL('image/png');
  }

  // Style operations for overlays built in src/map (coverage, imports).

  hasLayer(id: string): boolean {
    return this.map.getLayer(id) !== undefined;
  }

  hasSource(id: string): boolean {
    return this.map.getSource(id) !== undefined;
  }

  /** Adds a generated image once (a no-op when one with this id exists). */
  addImageOnce(id: string, image: RasterImage, pixelRatio: number): void {
    if (!this.map.hasImage(id)) this.map.addImage(id, image, { pixelRatio });
  }

  /** Adds a layer below beforeId (on top when that layer is missing). */
  addLayerBefore(layer: LayerSpecification, beforeId: string): void {
    this.ensureSourceOf(layer);
    this.map.addLayer(layer, this.map.getLayer(beforeId) ? beforeId : undefined);
  }

  /** Changes the last clustered zoom of a clustered source (src/map/cluster.ts); a no-op when unchanged. */
  setClusterMaxZoom(id: string, maxZoom: number): void {
    const source = this.map.getSource(id) as maplibregl.GeoJSONSource | undefined;
    if (!source || this.clusterZooms.get(id) === maxZoom) return;
    this.clusterZooms.set(id, maxZoom);
    void source.setClusterOptions({ cluster: true, clusterRadius: CLUSTER_RADIUS, clusterMaxZoom: maxZoom });
  }

  /** Add a source with its own options (clustering…); later changes go through setSourceData. */
  addSource(id: string, source: maplibregl.SourceSpecification): void {
    if (this.map.getSource(id)) return;
    this.map.addSource(id, source);
    if (source.type === 'geojson' && source.cluster && source.clusterMaxZoom !== undefined) this.clusterZooms.set(id, source.clusterMaxZoom);
  }

  setFeatureState(source: string, id: string, state: Record<string, unknown>): void {
    // The communes are a vector source: a state names the tiles' layer too.
    if (source === SOURCE.communes) this.ensureCommunes();
    this.map.setFeatureState(source === SOURCE.communes ? { source, sourceLayer: COMMUNE_TILE_LAYER, id } : { source, id }, state);
  }

  /** Sets these paint properties of a layer (a no-op when the layer is missing). */
  setPaint(layer: string, paint: Record<string, unknown>): void {
    if (!this.map.getLayer(layer)) return;
    for (const [name, value] of Object.entries(paint)) this.map.setPaintProperty(layer, name as 'fill-color', value as never);
  }

  // Generic overlay API for features (search origin, coverage, what-if sites).

  /** New data for a source: features, or the URL of a GeoJSON file for MapLibre's worker to read. */
  setSourceData(id: string, data: FeatureCollection | Feature | string): void {
    const source = this.map.getSource(id) as maplibregl.GeoJSONSource | undefined;
    if (!source) {
      this.map.addSource(id, { type: 'geojson', data });
      return;
    }
    // Count updates in flight so tests and hosts can wait until what the store
    // says is what the map shows (setData resolves once the worker has it).
    this.pendingUpdates += 1;
    void source
      .setData(data)
      .catch(() => undefined)
      .then(
        () =>
          new Promise<void>((done) => {
            this.map.once('idle', () => done());
            this.map.triggerRepaint();
          }),
      )
      .finally(() => {
        this.pendingUpdates -= 1;
      });
  }

  /** True when every data update has been drawn. */
  get settled(): boolean {
    return this.pendingUpdates === 0;
  }

  /** Add (or replace) layers below the structure markers. */
  setLayers(layers: LayerSpecification[]): void {
    for (const layer of layers) {
      this.ensureSourceOf(layer);
      if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
      this.map.addLayer(layer, OVERLAY_ANCHOR);
    }
  }

  removeLayers(ids: string[]): void {
    for (const id of ids) if (this.map.getLayer(id)) this.map.removeLayer(id);
  }

  destroy(): void {
    this.stopPrefetch();
    this.popup.remove();
    this.map.remove();
  }
}

declare const __MAILLAGE_TEST_HOOK__: boolean;

/** window.__maillageMap for the end-to-end driver (test/e2e/driver.ts): the controller's state and the raw map. */
function exposeForTests(controller: MapController, map: maplibregl.Map): void {
  const hook = {
    map,
    get settled() {
      return controller.settled;
    },
    fitRegion: () => controller.fitRegion(),
    /**
     * When the map was first still with its structures drawn (performance.now()):
     * the first useful paint, noted at the moment rather than polled for, since drawing the
     * communes starts right after it (`showCommunes`) and ends that stillness at once.
     */
    firstViewAt: null as number | null,
  };
  void controller
    .whenReady()
    .then(() => controller.whenSettled())
    .then((at) => (hook.firstViewAt = at));
  (window as unknown as { __maillageMap?: unknown }).__maillageMap = hook;
}

/**
 * The located structures as map features, one by one (a large catalogue is written out as
 * text feature by feature, never held as objects) or all together.
 */
function structureFeatures(
  structures: readonly Structure[],
  halos: ReadonlyMap<Structure, string>,
): { count: number; feature(i: number): Feature<Point>; collection(): FeatureCollection<Point> } {
  const placed = structures.filter((s) => s.lon !== null && s.lat !== null);
  const feature = (i: number): Feature<Point> => {
    const s = placed[i]!;
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon!, s.lat!] },
      // What the layers and the click read; the name is not drawn (a third of the data at 150,000).
      properties: { id: s.id, type: s.type, halo: halos.get(s) ?? '' },
    };
  };
  return { count: placed.length, feature, collection: () => ({ type: 'FeatureCollection', features: placed.map((_, i) => feature(i)) }) };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One label point per département: the `label` the data build found inside its polygon
 * (scripts/lib/territory-points.ts). A département without one gets no label.
 */
export function departementLabelPoints(fc: RegionData['departements']): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: fc.features.flatMap((f) => {
      // Read from a file: checked, not trusted.
      const label: unknown = f.properties.label;
      const point = Array.isArray(label) && label.length === 2 && label.every(Number.isFinite) ? (label as [number, number]) : null;
      if (!point) return [];
      return [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: point },
          properties: { code: f.properties.code, nom: f.properties.nom },
        },
      ];
    }),
  };
}
