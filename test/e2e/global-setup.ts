import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp, ensureData, ROOT } from '../../scripts/lib/build-app';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The built app's folder, for a test that serves it on its own. */
    appDir: string;
    hostUrl: string;
  }
}

let servers: StaticServer[] = [];
let outDir = '';

/** Build the app once, serve it, and serve the host test pages from a second origin. */
export default async function setup(project: TestProject) {
  ensureData();
  // With the map's test hook (window.__maillageMap), which the driver reads.
  outDir = await buildApp(`.e2e-build/app-${process.pid}`, { testHook: true });
  // CORS as a real deployment needs it for <maillage-map> on partner pages (docs/embed.md, "CORS").
  const app = await serveStatic(outDir, { headers: { 'access-control-allow-origin': '*' } });
  // A different port is a different origin: partner pages live there.
  const host = await serveStatic(resolve(ROOT, 'test/e2e/host-pages'));
  servers = [app, host];
  project.provide('appUrl', app.url);
  project.provide('appDir', outDir);
  project.provide('hostUrl', host.url);
  // Returned rather than exported: vitest ignores a named teardown next to a default setup.
  return teardown;
}

async function teardown() {
  await Promise.all(servers.map((s) => s.close()));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
