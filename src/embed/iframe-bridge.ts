import type { MapController } from '../map/map-controller';
import type { AppStore } from '../store/app-store';
import { announceChanges, applyHostMessage, readyMessage } from './host-api';
import { announceTargets, isAllowedOrigin, parseHostMessage, type MapMessage, type OriginPolicy } from './messages';

export interface IframeBridge {
  /** Tell the host the map is drawn and can be driven. */
  announceReady(): void;
  close(): void;
}

/**
 * The postMessage API of the iframe page. Only the embedding page (the
 * parent window) may drive the map, and only from an allowed origin; every
 * message is checked by parseHostMessage. Messages from elsewhere are ignored
 * without reply, so a foreign page learns nothing from probing.
 */
export function connectIframe(store: AppStore, getController: () => MapController | null, policy: OriginPolicy, win: Window = window): IframeBridge {
  const own = win.location.origin;
  const embedded = win.parent !== win;
  const targets = announceTargets(policy);
  const post = (message: MapMessage) => {
    if (!embedded) return;
    for (const target of targets) win.parent.postMessage(message, target);
  };

  const onMessage = (event: MessageEvent) => {
    if (!embedded || event.source !== win.parent) return;
    if (!isAllowedOrigin(event.origin, policy, own)) return;
    const parsed = parseHostMessage(event.data);
    const reply = parsed.ok
      ? applyHostMessage(store, getController(), parsed.message)
      : parsed.ours
        ? ({ source: 'maillage', type: 'error', reason: parsed.reason } as const)
        : null;
    if (reply) win.parent.postMessage(reply, event.origin);
  };
  win.addEventListener('message', onMessage);
  const stopAnnouncing = announceChanges(store, getController, post);
  return {
    announceReady: () => post(readyMessage(store.getState())),
    close: () => {
      win.removeEventListener('message', onMessage);
      stopAnnouncing();
    },
  };
}
