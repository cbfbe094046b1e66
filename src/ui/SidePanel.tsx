import type { ComponentType } from 'react';
import type { PanelTab } from '../store/app-store';
import { useApp, useAppStore, useT } from '../store/react';
import { DataFreshness } from './DataFreshness';
import { Filters } from './Filters';
import { NearPanel } from './search/NearPanel';
import { SearchBox } from './search/SearchBox';
import { CoverageTab } from './coverage';
import { StructureCard } from './StructureCard';
import { StructureList } from './StructureList';
import { ImportTab, ReviewTab } from './import/tabs';

function ListTab() {
  const selectedId = useApp((s) => s.selectedId);
  return selectedId ? (
    <StructureCard />
  ) : (
    <>
      <Filters />
      <StructureList />
    </>
  );
}

/** Tabs of the side panel. Features register theirs here (one line each). */
export const panelTabs: Array<{ id: PanelTab; label: string; Component: ComponentType }> = [
  { id: 'list', label: 'tab.list', Component: ListTab },
  { id: 'search', label: 'tab.near', Component: NearPanel },
  { id: 'coverage', label: 'tab.coverage', Component: CoverageTab },
  { id: 'import', label: 'tab.import', Component: ImportTab },
  { id: 'review', label: 'tab.review', Component: ReviewTab },
];

/** Side panel on wide screens, bottom sheet on phones. */
export function SidePanel() {
  const t = useT();
  const store = useAppStore();
  const tab = useApp((s) => s.tab);
  const open = useApp((s) => s.panelOpen);
  const current = panelTabs.find((p) => p.id === tab) ?? panelTabs[0]!;
  return (
    <aside className={`side-panel ${open ? 'is-open' : 'is-closed'}`} data-testid="side-panel" aria-label={t(current.label)}>
      <button
        type="button"
        className="sheet-handle"
        aria-expanded={open}
        onClick={() => store.getState().setPanelOpen(!open)}
      >
        {open ? t('panel.close') : t('panel.open')}
      </button>
      <SearchBox />
      {panelTabs.length > 1 && (
        <div className="tabs" role="tablist">
          {panelTabs.map((p) => (
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
      <div className="panel-body" id="panel-body" role={panelTabs.length > 1 ? 'tabpanel' : undefined}>
        <current.Component />
      </div>
      <DataFreshness />
    </aside>
  );
}
