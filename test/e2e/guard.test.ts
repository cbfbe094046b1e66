// Issue 16: nothing lost across tabs or on a failed save, nobody let in through the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { appUrl, launch, openApp, waitForMapIdle } from './driver';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Import a fixture file as a layer named `name`, from the Import tab. */
async function importLayer(page: Page, file: string, name: string) {
  await page.locator('#tab-import').click();
  await page.waitForSelector('[data-testid="import-drop"] button:not([disabled])');
  await page.getByTestId('import-file').setInputFiles(resolve(FIXTURES, file));
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-layer-name').fill(name);
  await page.getByTestId('import-commit').click();
}

async function layerNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid="import-layer"] .layer-name').allInnerTexts();
}

describe('imports kept in the browser', () => {
  it('two tabs open at once: each import adds to the other, the other tab is told, and both survive a reload', async () => {
    const { page: a, context, errors } = await openApp(browser);
    const b = await context.newPage();
    await b.goto(appUrl());
    await Promise.all([waitForMapIdle(a), waitForMapIdle(b)]);
    // B is open on the Import tab before A imports anything.
    await b.locator('#tab-import').click();
    await b.waitForSelector('[data-testid="import-drop"] button:not([disabled])');

    await importLayer(a, 'cp1252-semicolon-lambert93.csv', 'Couche A');
    await a.waitForSelector('[data-testid="import-done"][data-saved="true"]');
    // B learns of it without reloading.
    await b.getByTestId('import-external-change').waitFor();
    expect(await layerNames(b)).toEqual(['Couche A']);

    await importLayer(b, 'utf8-bom-comma.csv', 'Couche B');
    await b.waitForSelector('[data-testid="import-done"][data-saved="true"]');
    expect(await layerNames(b)).toEqual(['Couche A', 'Couche B']);

    for (const page of [a, b]) {
      await page.reload();
      await waitForMapIdle(page);
      await page.locator('#tab-import').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-layer"]').length === 2);
      expect(await layerNames(page)).toEqual(['Couche A', 'Couche B']);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a failed write says so where the user looks, keeps the import in the page and offers it as a file', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    // The browser's storage is full: every IndexedDB put throws, as Chromium does on quota.
    await context.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForMapIdle(page);
    await importLayer(page, 'cp1252-semicolon-lambert93.csv', 'Couche perdue ?');

    const alert = page.getByTestId('import-save-failed');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('NON enregistré');
    expect(await alert.innerText()).toContain('plein');
    expect(await page.locator('[data-testid="import-done"]').count()).toBe(0);
    const state = await page.getByTestId('import-storage-state').innerText();
    expect(state).not.toContain('Conservées dans ce navigateur');
    expect(state).toContain('Non enregistrées');
    // Still in the page.
    expect(await layerNames(page)).toEqual(['Couche perdue ?']);
    // And offered as a file that the import reads again.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-save-download').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const geo = JSON.parse(readFileSync(path!, 'utf8')) as { features: unknown[] };
    expect(geo.features).toHaveLength(5);
    await context.close();
  });
});
