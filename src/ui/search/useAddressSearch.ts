import { useEffect, useState } from 'react';
import { banSearchUrl, isAddressQuery, parseBanResponse, type AddressHit } from '../../domain/ban';

export type AddressState =
  | { status: 'idle' | 'loading' | 'offline'; hits: AddressHit[] }
  | { status: 'ok'; hits: AddressHit[] }
  | { status: 'failed'; hits: AddressHit[]; detail: string };

const DEBOUNCE_MS = 300;
const TIMEOUT_MS = 6000;

/**
 * Addresses from the national address service for what is typed, only when
 * `enabled` (the user's opt-in). Offline, slow or failing, it says so and the
 * commune search goes on without it.
 */
export function useAddressSearch(text: string, enabled: boolean): AddressState {
  const [state, setState] = useState<AddressState>({ status: 'idle', hits: [] });
  useEffect(() => {
    if (!enabled || !isAddressQuery(text)) {
      setState({ status: 'idle', hits: [] });
      return;
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      setState({ status: 'offline', hits: [] });
      return;
    }
    const controller = new AbortController();
    let timedOut = false;
    const debounce = setTimeout(() => {
      setState({ status: 'loading', hits: [] });
      const timeout = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, TIMEOUT_MS);
      fetch(banSearchUrl(text), {
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        headers: { Accept: 'application/json' },
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          setState({ status: 'ok', hits: parseBanResponse(await response.json()) });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted && !timedOut) return; // superseded by newer typing
          const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
          if (offline) setState({ status: 'offline', hits: [] });
          else setState({ status: 'failed', hits: [], detail: timedOut ? `> ${TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error) });
        })
        .finally(() => clearTimeout(timeout));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(debounce);
      controller.abort();
    };
  }, [text, enabled]);
  return state;
}
