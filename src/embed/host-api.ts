import { readTypeList } from '../domain/offer-types';
import { filterStructures } from '../domain/filter';
import type { MapController } from '../map/map-controller';
import type { AppState, AppStore } from '../store/app-store';
import type { HostMessage, MapMessage, MapStateSnapshot } from './messages';

// What a validated host message does to one map instance, and what the map
// announces. Shared by the iframe bridge (postMessage) and the web component
// (DOM events); the messages were checked by parseHostMessage beforehand.

/** Whether the search starts from the visitor's own position ("Me localiser"). */
export function isVisitorPosition(state: Pick<AppState, 'origin'>): boolean {
  return state.origin?.kind === 'point' && state.origin.source === 'geolocation';
}

/** `hideView`: the view is left out (null), as it may show where the visitor is. */
export function snapshot(state: AppState, hideView = false): MapStateSnapshot {
  const { filter } = state;
  return {
    region: state.regionId,
    lang: state.lang,
    types: filter.types ? [...filter.types] : null,
    stages: [...filter.stages],
    dept: filter.dept,
    scope: { ...state.scope },
    selectedId: state.selectedId,
    view: state.view && !hideView ? { ...state.view } : null,
    count: state.data ? filterStructures(state.catalogue, filter).length : 0,
  };
}

/**
 * Apply a host message; returns the reply to send, if any. A message that must wait for
 * data still on its way (a search before the commune list has arrived) returns null and
 * hands its reply, if any, to `lateReply` once applied.
 */
export function applyHostMessage(
  store: AppStore,
  controller: MapController | null,
  message: HostMessage,
  hideView = false,
  lateReply: (reply: MapMessage) => void = () => undefined,
): MapMessage | null {
  const state = store.getState();
  switch (message.type) {
    case 'setFilter': {
      const patch: Partial<AppState['filter']> = {};
      // Hosts written before `dla` split off `reseau` still get the DLA with `reseau`.
      if (message.types !== undefined) patch.types = message.types && state.data ? readTypeList(message.types, state.data.config) : message.types;
      if (message.stages !== undefined) patch.stages = message.stages;
      if (message.dept !== undefined) patch.dept = message.dept;
      state.setFilter(patch);
      return null;
    }
    case 'setScope': {
      const patch: Partial<AppState['scope']> = {};
      if (message.epci !== undefined) patch.epci = message.epci;
      if (message.commune !== undefined) patch.commune = message.commune;
      if (message.around !== undefined) patch.around = message.around;
      if (message.radius !== undefined) patch.radius = message.radius === null ? null : String(message.radius);
      state.setScope(patch);
      return null;
    }
    case 'search': {
      // The commune list arrives after the first paint: a search sent as soon as the map
      // is ready is answered once the list is there.
      if (state.data && !state.data.communesReady) {
        const stop = store.subscribe((next) => {
          if (!next.data?.communesReady) return;
          stop();
          const reply = applyHostMessage(store, controller, message, hideView);
          if (reply) lateReply(reply);
        });
        return null;
      }
      const commune = state.data?.communeByCode.get(message.commune);
      if (!commune) return { source: 'maillage', type: 'error', reason: `commune ${message.commune} is not in this region` };
      // As the search box does (src/store/search-slice.ts): the offer nearest to that commune is listed.
      state.setOrigin({ kind: 'commune', code: commune.code });
      controller?.flyTo(commune.lon, commune.lat, 10);
      return null;
    }
    case 'select': {
      if (message.id !== null && !state.catalogue.some((s) => s.id === message.id)) {
        return { source: 'maillage', type: 'error', reason: `no structure with id ${message.id}` };
      }
      state.select(message.id);
      const s = message.id ? state.catalogue.find((x) => x.id === message.id) : undefined;
      if (s && s.lon !== null && s.lat !== null) controller?.flyTo(s.lon, s.lat, 11);
      return null;
    }
    case 'setView':
      // Before the map exists, the view in the store is where it will open.
      if (controller) controller.jumpTo({ lon: message.lon, lat: message.lat, zoom: message.zoom });
      else state.setView({ lon: message.lon, lat: message.lat, zoom: message.zoom });
      return null;
    case 'getState':
      return { source: 'maillage', type: 'state', state: snapshot(state, hideView) };
  }
}

/**
 * Announce selections and view changes of one map. `emit` posts or dispatches
 * the message; `hideView()` true withholds view announcements (the view may show
 * where the visitor is). Returns the unsubscribe.
 */
export function announceChanges(
  store: AppStore,
  getController: () => MapController | null,
  emit: (m: MapMessage) => void,
  hideView: () => boolean = () => false,
): () => void {
  return store.subscribe((state, previous) => {
    if (state.selectedId !== previous.selectedId) {
      const s = state.selectedId ? state.catalogue.find((x) => x.id === state.selectedId) : undefined;
      emit({ source: 'maillage', type: 'select', id: state.selectedId, name: s?.name ?? null, structureType: s?.type ?? null });
    }
    if (state.view && state.view !== previous.view && !hideView()) {
      const b = getController()?.getBounds();
      const round = (n: number) => Math.round(n * 1e5) / 1e5;
      emit({
        source: 'maillage',
        type: 'view',
        lon: round(state.view.lon),
        lat: round(state.view.lat),
        zoom: Math.round(state.view.zoom * 100) / 100,
        bounds: b ? [round(b[0]), round(b[1]), round(b[2]), round(b[3])] : [0, 0, 0, 0],
      });
    }
  });
}

export function readyMessage(state: AppState): MapMessage {
  return { source: 'maillage', type: 'ready', version: 1, region: state.regionId, count: snapshot(state).count };
}
