import { buildApp } from './build-app';

let built: Promise<string> | null = null;

/**
 * One production build of the app per `npm run bench` run, shared by the
 * benchmarks that need it (sizes, first map idle): bench files run in one process.
 */
export function benchBuild(): Promise<string> {
  built ??= buildApp('.cache/bench-build');
  return built;
}
