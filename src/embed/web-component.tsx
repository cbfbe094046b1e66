// <maillage-map>: the embedded map as a custom element, shipped as one ES
// module (npm run build:embed → dist/embed/maillage-map.js). Attributes mirror
// the iframe's URL parameters and may change at run time; styles live in the
// element's Shadow DOM. Each element has its own store.
import { readTypeList } from '../domain/offer-types';
import { createRoot, type Root } from 'react-dom/client';
import { createAppStore, type AppState, type AppStore, type InitialState } from '../store/app-store';
import { prewarmMap, type MapController } from '../map/map-controller';
import { EmbedApp } from './EmbedApp';
import { EMBED_PARAMS } from '../domain/embed-params';
import { embedInitialState } from './embed-state';
import { announceChanges, readyMessage } from './host-api';
import type { MapMessage } from './messages';
import { bindScope } from '../store/scope-binding';
import { addShadowStyle, adoptShadowStyles } from './shadow-styles';
import '../ui/app.css';
import './embed.css';

// The element is a block of its own, 480 px high unless the page says otherwise
// (page rules such as `maillage-map { height: 600px }` win over :host).
addShadowStyle(':host { display: block; position: relative; height: 480px; min-height: 300px; contain: layout paint; } :host([hidden]) { display: none; }');

const NOT_PARAMS = new Set(['id', 'class', 'style', 'hidden', 'title', 'slot', 'part', 'tabindex', 'role', 'base', 'data-base']);

/** Folder of the Maillage app: the `base` (or `data-base`) attribute, else the folder above this module. */
function appBaseOf(el: HTMLElement): string {
  const given = el.getAttribute('base') ?? el.getAttribute('data-base');
  const url = given ? new URL(given, document.baseURI) : new URL(/* @vite-ignore */ '../', import.meta.url);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

export class MaillageMapElement extends HTMLElement {
  static observedAttributes = [...EMBED_PARAMS];

  private root: Root | null = null;
  private store: AppStore | null = null;
  private controller: MapController | null = null;
  private applied: InitialState = {};
  private cleanups: Array<() => void> = [];

  connectedCallback(): void {
    if (this.root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.cleanups.push(adoptShadowStyles(shadow));
    const container = document.createElement('div');
    container.style.height = '100%';
    shadow.appendChild(container);

    this.applied = this.readAttributes();
    const store = createAppStore(this.applied);
    this.store = store;
    this.cleanups.push(bindScope(store));
    this.cleanups.push(
      announceChanges(
        store,
        () => this.controller,
        (m) => this.emit(m),
      ),
    );

    const appBase = appBaseOf(this);
    // The map's worker starts while the first view's data arrive.
    prewarmMap();
    this.root = createRoot(container);
    this.root.render(
      <EmbedApp
        store={store}
        dataBase={`${appBase}data/`}
        appBase={appBase}
        onController={(c) => {
          this.controller = c;
          if (c) this.emit(readyMessage(store.getState()));
        }}
      />,
    );
    this.cleanups.push(() => container.remove());
  }

  disconnectedCallback(): void {
    this.root?.unmount();
    this.root = null;
    this.store = null;
    this.controller = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (!this.store || previous === value) return;
    if (name === 'base' || name === 'data-base') return;
    const next = this.readAttributes();
    applyChanges(this.store, this.controller, this.applied, next);
    this.applied = next;
  }

  /** Every attribute is a parameter (the app's other keys, e.g. covkm, work too), except the element's own, aria-* and data-* (never parameters, so never reported as ignored). */
  private readAttributes(): InitialState {
    const params = new URLSearchParams();
    for (const { name, value } of Array.from(this.attributes)) {
      if (!NOT_PARAMS.has(name) && !name.startsWith('aria-') && !name.startsWith('data-')) params.set(name, value);
    }
    return embedInitialState(params, navigator.languages ?? []);
  }

  /** Announcements as DOM events: maillage-ready, maillage-select, maillage-view (detail = the message). */
  private emit(message: MapMessage): void {
    this.dispatchEvent(new CustomEvent(`maillage-${message.type}`, { detail: message, bubbles: true, composed: true }));
  }
}

/**
 * Apply what changed between two readings of the attributes, and only that:
 * what the visitor did since (moving the map, other filters) stays.
 */
export function applyChanges(store: AppStore, controller: MapController | null, before: InitialState, after: InitialState): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const state = store.getState();
  const patch: Partial<AppState> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof InitialState>);
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    if (key === 'filter') {
      const b = before.filter;
      const a = after.filter;
      const filter = { ...state.filter };
      if (!same(b?.types, a?.types)) filter.types = a?.types && state.data ? readTypeList(a.types, state.data.config) : (a?.types ?? null);
      if (!same(b?.stages, a?.stages)) filter.stages = a?.stages ?? [];
      if (!same(b?.dept, a?.dept)) filter.dept = a?.dept ?? null;
      patch.filter = filter;
    } else if (key === 'view') {
      const v = after.view;
      if (v && controller) controller.jumpTo(v);
      else if (v) patch.view = v;
    } else if (key === 'selectedId') {
      patch.selectedId = after.selectedId ?? null;
    } else {
      (patch as Record<string, unknown>)[key] = after[key] ?? defaults[key as keyof typeof defaults];
    }
  }
  if (Object.keys(patch).length > 0) store.setState(patch);
}

// Values an attribute falls back to when it is removed.
const defaults: Partial<InitialState> = createAppStore().getState();

if (!customElements.get('maillage-map')) customElements.define('maillage-map', MaillageMapElement);
