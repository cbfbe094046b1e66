import type { PanelTab, VisibleParts } from '../store/app-store';

/**
 * Whether a side-panel tab shows, given the parts an embedding host asked for.
 * The list tab also holds the legend and the selected structure's card, so it
 * stays while any of them is wanted; import and review are for the full app.
 */
export function tabVisible(id: PanelTab, parts: VisibleParts, embedded: boolean, hasSelection: boolean): boolean {
  switch (id) {
    case 'list':
      return parts.list || parts.legend || hasSelection;
    case 'search':
      return parts.search;
    case 'coverage':
      return parts.coverage;
    case 'import':
    case 'review':
    case 'catalogue':
      return !embedded;
    default:
      return true;
  }
}
