// Issue 16: nothing lost across tabs or on a failed save, nobody let in through the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { inject } from 'vitest';
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

  it('an interrupted import leaves parts behind: cleared on a later visit once an hour old, while what is saved and what may be in progress stay', async () => {
    const { page, context, errors } = await openApp(browser);
    await waitForMapIdle(page);
    await importLayer(page, 'cp1252-semicolon-lambert93.csv', 'Gardée');
    await page.waitForSelector('[data-testid="import-done"][data-saved="true"]');
    // The browser's IndexedDB as idb-keyval keeps it (src/ui/import/ImportSync.tsx).
    const storedKeys = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((done, fail) => {
            const open = indexedDB.open('keyval-store');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('keyval').objectStore('keyval').getAllKeys();
              request.onsuccess = () => done((request.result as string[]).filter((k) => k.startsWith('maillage-imports:occitanie:')));
            };
          }),
      );
    const saved = await storedKeys();
    expect(saved.length).toBeGreaterThan(0);
    // Parts whose history was never written (the tab closed in between), made 2 hours and 1 minute ago.
    const id = (msAgo: number) => `imp-${(Date.now() - msAgo).toString(36)}-x1`;
    const old = `maillage-imports:occitanie:${id(2 * 3_600_000)}:0`;
    const recent = `maillage-imports:occitanie:${id(60_000)}:0`;
    await page.evaluate(
      (keys) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('keyval-store');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('keyval', 'readwrite');
            for (const key of keys) tx.objectStore('keyval').put([], key);
            tx.oncomplete = () => done();
          };
        }),
      [old, recent],
    );
    await page.reload();
    await waitForMapIdle(page);
    await page.locator('#tab-import').click();
    await page.locator('[data-testid="import-layer"]').waitFor();
    await expect.poll(storedKeys, { timeout: 10_000 }).not.toContain(old);
    expect((await storedKeys()).sort()).toEqual([...saved, recent].sort());
    expect(await layerNames(page)).toEqual(['Gardée']);
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

const PARTNER_CSV = [
  'id,name,type,stages,address,postcode,commune,lon,lat,precision,website,email,phone,description,source,updated,status,zone',
  'partenaire-un,Tiers-lieu partenaire,pole_ess,emergence,,,31555,,,commune,,,,,https://partner.example/a,2026-11-01,verified,',
].join('\n');

async function listIds(page: Page): Promise<string[]> {
  await page.getByTestId('structure-list').waitFor();
  return page.locator('[data-testid="structure-list"] [data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
}

describe('a partner file (data=)', () => {
  it('is ignored by the full app, which shows the official catalogue and says so', async () => {
    const { page, context, foreignRequests } = await openApp(browser, `?data=${encodeURIComponent('https://partner.example/structures.csv')}`);
    await waitForMapIdle(page);
    const status = page.getByTestId('partner-status');
    await status.waitFor();
    expect(await status.innerText()).toContain('partner.example');
    expect(await status.innerText()).toContain('ignoré');
    const ids = await listIds(page);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).not.toContain('partenaire-un');
    // Not even fetched.
    expect(foreignRequests).toEqual([]);
    await page.getByTestId('partner-dismiss').click();
    await expect.poll(() => page.url()).not.toContain('data=');
    await context.close();
  });

  it('shows in the embed with a notice naming its host and a way back to the official catalogue', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1200, height: 800 } });
    await context.route('https://partner.example/structures.csv', (route) =>
      // A wrong content type: the file is read by its content anyway.
      route.fulfill({ status: 200, contentType: 'application/octet-stream', headers: { 'access-control-allow-origin': '*' }, body: PARTNER_CSV }),
    );
    const page = await context.newPage();
    await page.goto(appUrl(`?data=${encodeURIComponent('https://partner.example/structures.csv')}&parts=list`, 'embed.html'));
    await waitForMapIdle(page);
    const status = page.getByTestId('partner-status');
    await status.waitFor();
    expect(await status.innerText()).toContain('Structures fournies par partner.example');
    expect(await listIds(page)).toEqual(['partenaire-un']);
    await page.getByTestId('partner-back').click();
    await expect.poll(async () => (await listIds(page)).length).toBeGreaterThan(10);
    await context.close();
  });
});

describe('an unusable origins= (iframe)', () => {
  it('sends no announcement at all and tells the integrator why', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1200, height: 800 } });
    const page = await context.newPage();
    const params = new URLSearchParams({ app: appUrl(), q: `?origins=${encodeURIComponent('127.0.0.1:4303')}&parts=list` });
    await page.goto(`${inject('hostUrl')}iframe.html?${params.toString()}`);
    const frame = (await (await page.locator('#map').elementHandle())!.contentFrame())!;
    await waitForMapIdle(frame as unknown as Page);
    const notice = frame.getByTestId('param-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('origins');
    expect(text).toContain('127.0.0.1:4303');
    expect(text).toContain('aucun message');
    // The visitor picks a structure and moves the map: still nothing reaches the host page.
    await frame.locator('[data-testid="structure-list"] .structure-item').first().click();
    await frame.getByTestId('structure-card').waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages)).toEqual([]);
    await context.close();
  });
});

describe('bad parameters', () => {
  it('?region=zzz shows the default region’s map and says why, naming every ignored parameter', async () => {
    const { page, context, errors } = await openApp(browser, '?region=zzz&lang=de&covkm=500');
    await waitForMapIdle(page);
    const notice = page.getByTestId('param-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('region=« zzz » ignoré : région inconnue ; la carte montre Occitanie');
    expect(text).toContain('lang=« de »');
    expect(text).toContain('covkm=« 500 »');
    expect((await listIds(page)).length).toBeGreaterThan(10);
    expect(await page.locator('.load-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
