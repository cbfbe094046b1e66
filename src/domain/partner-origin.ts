// Where a partner's structures file (`data=`) may replace the official catalogue.
// In an embed the partner's page chose to show its own offer: always allowed. In the
// full app, the address bar is ours: a link with `data=` would put a third party's rows
// and links under Maillage's name, so it is allowed only for origins the region's
// configuration lists (`partnerOrigins`), and ignored otherwise with a notice.

export type PartnerDecision =
  { allowed: true; host: string } | { allowed: false; reason: 'notUrl'; host: null } | { allowed: false; reason: 'appOnly'; host: string };

/** "https://Partner.example/" → "https://partner.example"; null for anything that is not an http(s) URL. */
function originOf(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether the partner file at `raw` may be shown instead of the catalogue.
 *
 * @example partnerDecision('https://x.org/s.csv', { embedded: false }) // { allowed: false, reason: 'appOnly', host: 'x.org' }
 */
export function partnerDecision(raw: string, context: { embedded: boolean; partnerOrigins?: readonly string[] }): PartnerDecision {
  const url = originOf(raw);
  if (!url) return { allowed: false, reason: 'notUrl', host: null };
  if (context.embedded) return { allowed: true, host: url.host };
  const allowed = (context.partnerOrigins ?? []).map((o) => originOf(o)?.origin).filter((o): o is string => !!o);
  return allowed.includes(url.origin) ? { allowed: true, host: url.host } : { allowed: false, reason: 'appOnly', host: url.host };
}
