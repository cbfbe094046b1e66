import { DEFAULT_PARTS, EMBED_PARAMS, formatParts, type VisibleParts } from './embed-params';

// The HTML a partner copies to embed the current view ("Intégrer cette carte").
// Pure string building: every value goes through escapeAttribute.

export type EmbedMode = 'iframe' | 'component';

export interface SnippetChoice {
  parts: VisibleParts;
  /** Keep the map's centre and zoom (otherwise it frames the region or the partner's territory). */
  keepView: boolean;
  /** Origins allowed to drive the iframe by postMessage, as typed (comma-separated). */
  origins: string;
}

/** Keys of the app's URL that make no sense in an embed snippet. */
const DROPPED = ['sel'];

/**
 * The embed's parameters from the app's current query string (writeUrlState)
 * and the partner's choices.
 *
 * @example embedQuery('?dept=31&map=8/43.6/1.4', { parts, keepView: false, origins: '' }).toString() === 'dept=31&parts=list'
 */
export function embedQuery(appQuery: string, choice: SnippetChoice): URLSearchParams {
  const params = new URLSearchParams(appQuery);
  for (const key of DROPPED) params.delete(key);
  if (!choice.keepView) params.delete('map');
  const parts = formatParts(choice.parts);
  if (parts !== formatParts(DEFAULT_PARTS)) params.set('parts', parts);
  const origins = choice.origins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .join(',');
  if (origins) params.set('origins', origins);
  return params;
}

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function queryText(params: URLSearchParams): string {
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}

/** URL of the iframe page for these parameters. */
export function embedPageUrl(appBase: string, params: URLSearchParams): string {
  return `${appBase}embed.html${queryText(params)}`;
}

export function iframeSnippet(appBase: string, params: URLSearchParams, height: number, title: string): string {
  return (
    `<iframe src="${escapeAttribute(embedPageUrl(appBase, params))}" title="${escapeAttribute(title)}"` +
    ` width="100%" height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy"` +
    ` allow="geolocation" referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}

/** The web component: its module, then the element with one attribute per parameter. */
export function componentSnippet(appBase: string, params: URLSearchParams, height: number): string {
  const attributes: string[] = [];
  for (const [key, value] of params) {
    // origins is the iframe's postMessage policy; the element talks through DOM events instead.
    if (key === 'origins') continue;
    const name = (EMBED_PARAMS as readonly string[]).includes(key) || /^[a-z][a-z0-9-]*$/.test(key) ? key : null;
    if (name) attributes.push(` ${name}="${escapeAttribute(value)}"`);
  }
  return (
    `<script type="module" src="${escapeAttribute(`${appBase}embed/maillage-map.js`)}"></script>\n` +
    `<maillage-map${attributes.join('')} style="display:block;height:${Math.round(height)}px"></maillage-map>`
  );
}
