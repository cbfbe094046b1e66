import type { RegionData } from '../data/load-region';
import type { PartnerData } from './embed-slice';
import { partnerFileUrl } from './embed-url';
import type { Structure } from '../domain/types';

const TIMEOUT_MS = 20_000;

/**
 * Fetch a partner's structures file and check it against the region, like the
 * catalogue. The parser is loaded only when a partner file is asked for.
 * Cross-origin files need CORS (Access-Control-Allow-Origin) on the partner's server.
 */
/**
 * The body as text, read chunk by chunk; null (and the download cancelled) as soon as
 * more than `limit` bytes have arrived.
 */
export async function readLimited(response: Response, limit: number): Promise<string | null> {
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).length > limit ? null : text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export async function loadPartnerStructures(raw: string, data: RegionData): Promise<{ partner: PartnerData; structures: Structure[] | null }> {
  const url = partnerFileUrl(raw);
  const failed = (message: string, key: string, params: Record<string, string | number> = {}) => ({
    partner: { status: 'failed' as const, url: raw, message, reason: { key, params } },
    structures: null,
  });
  if (!url) return failed('not an absolute http(s) URL', 'notUrl');
  let reader: typeof import('../domain/partner-structures');
  try {
    reader = await import('../domain/partner-structures');
  } catch (error) {
    // Its code is a chunk of its own: offline, or replaced by a newer version of the app.
    return failed(`network error (${error instanceof Error ? error.message : String(error)})`, 'network');
  }
  const { readPartnerStructures, PARTNER_MAX_BYTES } = reader;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let text: string;
  const tooLarge = () => failed(`file larger than ${PARTNER_MAX_BYTES / 1024 / 1024} MB`, 'tooLarge', { mb: PARTNER_MAX_BYTES / 1024 / 1024 });
  try {
    // No cookies or credentials go to the partner's server: the file must be public.
    const response = await fetch(url, { credentials: 'omit', signal: abort.signal });
    if (!response.ok) return failed(`HTTP ${response.status}`, 'http', { status: response.status });
    const length = Number(response.headers.get('content-length'));
    if (length > PARTNER_MAX_BYTES) {
      abort.abort();
      return tooLarge();
    }
    const body = await readLimited(response, PARTNER_MAX_BYTES);
    if (body === null) {
      // Stop the download as soon as the limit is passed (a missing or false Content-Length).
      abort.abort();
      return tooLarge();
    }
    text = body;
  } catch (error) {
    // A CORS refusal shows up here as a bare network error (the browser hides the reason).
    return abort.signal.aborted
      ? failed(`no answer within ${TIMEOUT_MS / 1000} s`, 'timeout', { s: TIMEOUT_MS / 1000 })
      : failed(`network error or CORS refusal (${error instanceof Error ? error.message : String(error)})`, 'network');
  } finally {
    clearTimeout(timer);
  }
  // Read by its content, whatever the Content-Type (src/domain/partner-structures.ts).
  const result = readPartnerStructures(text, url, {
    config: data.config,
    communes: data.communeByCode,
  });
  // Nothing usable (an HTML error page, every row refused): the catalogue, not an empty map.
  if (result.structures.length === 0) {
    const first = result.issues.find((i) => i.severity === 'error');
    return failed(`no usable structure (${result.rows} read${first ? `; ${first.message}` : ''})`, 'empty', {
      rows: result.rows,
      errors: result.issues.length,
    });
  }
  return {
    partner: { status: 'loaded', url, host: new URL(url).host, kind: result.kind, count: result.structures.length, rows: result.rows, issues: result.issues },
    structures: result.structures,
  };
}
