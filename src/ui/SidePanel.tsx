import { Suspense, useEffect, type ComponentType } from 'react';
import type { PanelTab } from '../store/app-store';
import { ScopeNotice } from './ScopeNotice';
import { tabVisible } from './visible-parts';
import { selectAllStructures } from '../store/import-slice';
import { useApp, useAppStore, useT } from '../store/react';
import { DataFreshness } from './DataFreshness';
import { trackCardOrigin } from './card-return';
import { Filters } from './Filters';
import { CoverageTab } from './coverage';
import { CatalogueStatusTab } from './catalogue/CatalogueStatusTab';
import { NearPanel } from './search/NearPanel';
import { SearchBox } from './search/SearchBox';
import { StructureCard } from './StructureCard';
import { StructureList } from './StructureList';
import { listRows } from './list-order';
import { ImportTab, ReviewTab } from './import/tabs';

function ListTab() {
  const selectedId = useApp((s) => s.selectedId);
  const parts = useApp((s) => s.parts);
  return selectedId ? (
    <StructureCard />
  ) : (
    <>
      <ScopeNotice />
      {parts.legend && <Filters />}
      {parts.list && <StructureList />}
    </>
  );
}

/** Tabs of the side panel. Features register theirs here (one line each). */
export const panelTabs: Array<{ id: PanelTab; label: string; Component: ComponentType }> = [
  { id: 'list', label: 'tab.list', Component: ListTab },
  { id: 'search', label: 'tab.near', Component: NearPanel },
  { id: 'coverage', label: 'tab.coverage', Component: CoverageTab },
  { id: 'catalogue', label: 'tab.catalogue', Component: CatalogueStatusTab },
  { id: 'import', label: 'tab.import', Component: ImportTab },
  { id: 'review', label: 'tab.review', Component: ReviewTab },
];

/** Side panel on wide screens, bottom sheet on phones. */
export function SidePanel() {
  const t = useT();
  const store = useAppStore();
  useEffect(() => trackCardOrigin(store), [store]);
  const tab = useApp((s) => s.tab);
  // Prepare the list's rows (name order, filters) while the page is idle after a catalogue
  // or filter change, so that opening the list after a large import does not wait for them.
  const structures = useApp(selectAllStructures);
  const filter = useApp((s) => s.filter);
  useEffect(() => {
    if (tab === 'list' || typeof requestIdleCallback === 'undefined') return;
    const handle = requestIdleCallback(() => listRows(structures, filter), { timeout: 5000 });
    return () => cancelIdleCallback(handle);
  }, [structures, filter, tab]);
  const open = useApp((s) => s.panelOpen);
  const parts = useApp((s) => s.parts);
  const embedded = useApp((s) => s.embedded);
  const hasSelection = useApp((s) => s.selectedId !== null);
  // Embedded hosts choose which parts show (src/embed); a tab with nothing to show is left out.
  const tabs = panelTabs.filter((p) => tabVisible(p.id, parts, embedded, hasSelection));
  const current = tabs.find((p) => p.id === tab) ?? tabs[0];
  if (!current) return null;
  return (
    <aside className={`side-panel ${open ? 'is-open' : 'is-closed'}`} data-testid="side-panel" aria-label={t(current.label)}>
      <button type="button" className="sheet-handle" aria-expanded={open} onClick={() => store.getState().setPanelOpen(!open)}>
        <span className={open ? 'visually-hidden' : undefined}>{open ? t('panel.close') : t('panel.open')}</span>
      </button>
      {parts.search && <SearchBox />}
      {tabs.length > 1 && (
        <div className="tabs" role="tablist">
          {tabs.map((p) => (
            <button
              key={p.id}
              role="tab"
              type="button"
              id={`tab-${p.id}`}
              aria-selected={p.id === current.id}
              aria-controls="panel-body"
              onClick={() => store.getState().setTab(p.id)}
            >
              {t(p.label)}
            </button>
          ))}
        </div>
      )}
      <div className="panel-body" id="panel-body" role={tabs.length > 1 ? 'tabpanel' : undefined}>
        {/* Tabs may be lazy (React.lazy) so that embeds load them only when shown. */}
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <current.Component />
        </Suspense>
      </div>
      <DataFreshness />
    </aside>
  );
}
