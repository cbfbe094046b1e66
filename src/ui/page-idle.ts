/**
 * Resolves when the page's thread is next idle (requestIdleCallback), or after `timeoutMs`
 * at the latest; shortly, where the browser has no idle callbacks.
 */
export function pageIdle(timeoutMs = 500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 50);
  });
}
