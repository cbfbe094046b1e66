import { buildApp } from './build-app';

let built: Promise<string> | null = null;

/**
 * One production build of the app per `npm run bench` run, shared by the
 * benchmarks that need it (sizes, first map idle): bench files run in one process.
 */
export function benchBuild(): Promise<string> {
  // With the map's test hook: the first-idle benchmark reads it.
  built ??= buildApp('.cache/bench-build', { testHook: true });
  return built;
}
