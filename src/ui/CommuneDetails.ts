import type { Commune, Lang } from '../domain/types';
import { formatNumber, translate } from '../i18n/translate';

/**
 * Commune details for the map popup, built with textContent only: names come
 * from data and must never be parsed as HTML.
 */
export function renderCommuneDetails(commune: Commune, lang: Lang, deptName: string | undefined): HTMLElement {
  const root = document.createElement('div');
  root.className = 'commune-details';
  root.setAttribute('data-testid', 'commune-details');
  const title = document.createElement('strong');
  title.textContent = commune.name;
  root.append(title);
  const rows: Array<[string, string]> = [
    [translate(lang, 'commune.code'), commune.code],
    [translate(lang, 'commune.dept'), deptName ? `${deptName} (${commune.dept})` : commune.dept],
    [translate(lang, 'commune.population'), formatNumber(lang, commune.population)],
    [translate(lang, 'commune.postcodes'), commune.postcodes.join(', ')],
  ];
  const dl = document.createElement('dl');
  for (const [label, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  root.append(dl);
  return root;
}
