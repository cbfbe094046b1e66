/**
 * Calls `then` once the file at `url` has finished downloading, as the page's Resource
 * Timing sees it (at once if it already has). Returns a function that cancels the wait.
 * Without Resource Timing observers, `then` is never called: what waits on it is a bonus.
 */
export function afterDownload(url: string, then: () => void): () => void {
  if (typeof PerformanceObserver === 'undefined' || typeof performance === 'undefined') return () => undefined;
  const target = new URL(url, window.location.href).href;
  let done = false;
  const observer = new PerformanceObserver((list) => {
    if (done || !list.getEntries().some((entry) => entry.name === target)) return;
    done = true;
    observer.disconnect();
    then();
  });
  // `buffered`: an entry from before the observer (the file came first) is delivered too.
  observer.observe({ type: 'resource', buffered: true });
  return () => {
    done = true;
    observer.disconnect();
  };
}
