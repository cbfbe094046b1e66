import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (Playwright's own download cannot work without internet). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags that work headless as root on these machines: ../shared/docs/TIPS.md.
// Without the background-networking ones Chromium calls home and is refused.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

/** Headless Chromium with WebGL on SwiftShader, for end-to-end tests and benchmarks. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
