import type { MapController } from '../map/map-controller';
import type { AppStore } from '../store/app-store';
import { announceChanges, applyHostMessage, isVisitorPosition, readyMessage } from './host-api';
import { announceTargets, isAllowedOrigin, parseHostMessage, revealsPosition, type MapMessage, type OriginPolicy } from './messages';

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
  // Unusable `origins=`: no target at all, never "*" (fail closed).
  const targets = announceTargets(policy);
  const post = (message: MapMessage) => {
    if (!embedded) return;
    for (const target of targets) win.parent.postMessage(message, target);
  };
  // Once the visitor has shared their position, the view may show where they are: from then
  // on, for the life of the page, no view goes out unless every message goes to named origins.
  const reveal = revealsPosition(policy);
  let located = false;
  const watchPosition = store.subscribe((s) => {
    if (isVisitorPosition(s)) located = true;
  });
  const hideView = () => !reveal && (located || isVisitorPosition(store.getState()));

  const onMessage = (event: MessageEvent) => {
    if (!embedded || event.source !== win.parent) return;
    if (!isAllowedOrigin(event.origin, policy, own)) return;
    const parsed = parseHostMessage(event.data);
    const reply = parsed.ok
      ? applyHostMessage(store, getController(), parsed.message, hideView(), (late) => win.parent.postMessage(late, event.origin))
      : parsed.ours
        ? ({ source: 'maillage', type: 'error', reason: parsed.reason } as const)
        : null;
    if (reply) win.parent.postMessage(reply, event.origin);
  };
  win.addEventListener('message', onMessage);
  const stopAnnouncing = announceChanges(store, getController, post, hideView);
  return {
    announceReady: () => post(readyMessage(store.getState())),
    close: () => {
      win.removeEventListener('message', onMessage);
      stopAnnouncing();
      watchPosition();
    },
  };
}
