/**
 * Resolves in a later task, so that long work done in steps lets the page handle input and
 * paint between them (a resolved promise would keep it waiting: microtasks run first).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
