import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Commune } from '../../src/domain/types';
import { launch, mapStructureIds, openApp, renderedFeatures, waitForMapIdle } from './driver';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
// Town-centre points written in Lambert-93 with decimal commas, Windows-1252, ";" (see make-fixtures.ts).
const EXPECTED: Array<[string, string]> = [
  ['Cœur d’Économie Lozère', 'Mende (48095)'],
  ['Pépinière « Les Tanneurs »', 'Albi (81004)'],
  ['Réseau Ariège Solidaire', 'Foix (09122)'],
  ['Incubateur Aveyron — Rodez', 'Rodez (12202)'],
  ['Maison de la Région – Cahors', 'Cahors (46042)'],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openTab(page: Page, id: string) {
  await page.locator(`#tab-${id}`).click();
}

async function importFile(page: Page, name: string) {
  await openTab(page, 'import');
  await page.getByTestId('import-panel').waitFor();
  // The choose button is enabled once the imports kept in this browser are read.
  await page.waitForSelector('[data-testid="import-drop"] button:not([disabled])');
  await page.getByTestId('import-file').setInputFiles(resolve(FIXTURES, name));
}

async function listNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid="structure-list"] .structure-name').allInnerTexts();
}

describe('importing a referent’s list', () => {
  it('puts a Windows-1252, ";"-separated Lambert-93 file in the right communes, keeps it across reloads, and undo removes it', async () => {
    const { page, context, errors, foreignRequests } = await openApp(browser);
    await waitForMapIdle(page);
    await importFile(page, 'cp1252-semicolon-lambert93.csv');

    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // Parsed off the main thread.
    expect(page.workers().some((w) => w.url().includes('import'))).toBe(true);
    expect(await page.getByTestId('import-counts').innerText()).toContain('4 valides, 1 avec avertissement, 0 rejetées, sur 5');
    expect(await page.getByTestId('import-plan').innerText()).toContain('5 structures');
    // Every warning names its line.
    const issueLines = await page.locator('[data-testid="import-issues"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-line')));
    expect(issueLines).toContain('2');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();

    // In the list, each with its commune, found from its converted point.
    await openTab(page, 'list');
    await page.getByTestId('structure-list').waitFor();
    const names = await listNames(page);
    for (const [name] of EXPECTED) expect(names).toContain(name);
    for (const [name, commune] of EXPECTED) {
      await page.locator('[data-testid="structure-list"] .structure-item', { hasText: name }).click();
      const card = page.getByTestId('structure-card');
      await card.waitFor();
      expect(await card.getByTestId('card-title').innerText()).toContain(name);
      expect(await card.innerText()).toContain(commune);
      await card.locator('.card-back').click();
    }
    // And on the map, with the layer's colour (back to the whole region: the list flew to each).
    await page.evaluate(() => (window as unknown as { __maillageMap: { fitRegion(): void } }).__maillageMap.fitRegion());
    await waitForMapIdle(page);
    // Halos are drawn from the markers' clusters: a cluster's halo stands for its `imported` points.
    const halos = await renderedFeatures(page, ['imported-layers-halo', 'imported-layers-cluster-halo']);
    expect(halos.reduce((n, f) => n + (typeof f.point_count === 'number' ? Number(f.imported) : 1), 0)).toBe(5);

    // Kept in this browser.
    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('structure-list').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="structure-list"] .structure-name').length > 0);
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('[data-testid="structure-list"] .structure-name')].some((e) => e.textContent === n),
      EXPECTED[0]![0],
    );

    // Undo removes them from the list and the map.
    await openTab(page, 'import');
    await page.getByTestId('import-undo').click();
    await openTab(page, 'list');
    await page.getByTestId('structure-list').waitFor();
    const after = await listNames(page);
    expect(after.length).toBeGreaterThan(0);
    for (const [name] of EXPECTED) expect(after).not.toContain(name);
    await waitForMapIdle(page);
    expect(await renderedFeatures(page, ['imported-layers-halo', 'imported-layers-cluster-halo'])).toEqual([]);

    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('refuses a workbook with a message that says why, and shows rejected rows with their line', async () => {
    const { page, context, errors } = await openApp(browser);
    await waitForMapIdle(page);
    await importFile(page, 'workbook.xlsx');
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('CSV');

    await page.getByTestId('import-file').setInputFiles(resolve(FIXTURES, 'errors.csv'));
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-counts').innerText()).toContain('6 rejetées');
    const text = await page.getByTestId('import-issues').innerText();
    expect(text).toContain('ligne 3');
    expect(text).toContain('guillemet');
    const download = page.waitForEvent('download');
    await page.getByTestId('import-download-rejected').click();
    expect((await download).suggestedFilename()).toBe('errors-rejets.csv');

    // Drag and drop goes through the same pipeline.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Nom;Type;Code INSEE\nDéposée;Réseau;81004\n'], 'glissee.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.dispatchEvent('[data-testid="import-drop"]', 'drop', { dataTransfer });
    await page.waitForFunction(() => document.querySelector('[data-testid="import-counts"]')?.textContent?.includes('sur 1 '));
    expect(await page.getByTestId('import-counts').innerText()).toContain('1 valides');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists records to review per département', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    await openTab(page, 'review');
    await page.getByTestId('review-panel').waitFor();
    const all = await page.getByTestId('review-count').innerText();
    await page.getByTestId('review-dept').selectOption('31');
    const haute = await page.getByTestId('review-count').innerText();
    expect(Number(/\d+/.exec(haute)![0])).toBeLessThanOrEqual(Number(/\d+/.exec(all)![0]));
    expect(page.url()).toContain('revoir=31');
    await context.close();
  });

  it('reads 100,000 rows in the worker while the page keeps drawing frames, and the map then shows every one', async () => {
    const communes = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/occitanie/communes.json'), 'utf8')) as Commune[];
    const lines = ['Nom;Type;Code INSEE;Latitude;Longitude'];
    for (let i = 0; i < 100_000; i++) {
      const c = communes[(i * 7919) % communes.length]!;
      lines.push(`Structure n°${i};Réseau;${c.code};${String(c.lat).replace('.', ',')};${String(c.lon).replace('.', ',')}`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'maillage-import-'));
    const file = join(dir, 'cent-mille.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    try {
      const { page, context, errors } = await openApp(browser);
      await waitForMapIdle(page);
      await openTab(page, 'import');
      await page.waitForSelector('[data-testid="import-drop"] button:not([disabled])');
      // Count animation frames while the import runs: a blocked main thread draws none.
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __counting: boolean };
        w.__frames = [];
        w.__counting = true;
        const tick = (time: number) => {
          if (document.querySelector('[data-testid="import-progress"]')) w.__frames.push(time);
          if (w.__counting) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-progress').waitFor();
      await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
      const frames = await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __counting: boolean };
        w.__counting = false;
        return w.__frames;
      });
      const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
      console.log(`100,000 rows: ${frames.length} frames drawn during the import, longest gap ${Math.round(Math.max(0, ...gaps))} ms`);
      expect(frames.length).toBeGreaterThan(10);
      expect(await page.getByTestId('import-counts').innerText()).toContain('sur 100');
      expect(await page.getByTestId('import-plan').innerText()).toContain('100');

      // As a layer: the map reads so many points as text in its own worker (src/map/large-geojson.ts).
      const before = await mapStructureIds(page);
      await page.getByTestId('import-target-layer').check();
      await page.waitForSelector('[data-testid="import-commit"]:not([disabled])', { timeout: 120_000 });
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
      await waitForMapIdle(page, 120_000);
      const after = await mapStructureIds(page);
      expect(after.length).toBe(before.length + 100_000);
      expect(after.filter((id) => !before.includes(id))).toHaveLength(100_000);
      // The worker kept what it read: the page holds the text's address, not a copy of the points back.
      expect(await page.evaluate(`window.__maillageMap.map.getSource('structures').serialize().data`)).toMatch(/^maillage-blob:\/\/blob:/);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('downloads 100,000 rejected rows, and the report, at that size', async () => {
    // Every row lacks its name: all 100,000 are rejected, each with its line.
    const lines = ['Nom;Type;Code INSEE'];
    for (let i = 0; i < 100_000; i++) lines.push(`;Réseau;31555`);
    const dir = mkdtempSync(join(tmpdir(), 'maillage-rejects-'));
    const file = join(dir, 'rejets.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    try {
      const { page, context, errors } = await openApp(browser);
      await waitForMapIdle(page);
      await openTab(page, 'import');
      await page.waitForSelector('[data-testid="import-drop"] button:not([disabled])');
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
      const [rejected] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('import-download-rejected').click()]);
      const text = readFileSync(await rejected.path(), 'utf8').replace(/^\uFEFF/, '');
      const rows = text.trimEnd().split(/\r?\n/);
      // The header, then one row per rejected input line, each naming its line and reason.
      expect(rows.length).toBe(100_001);
      expect(rows[100_000]).toContain('100001');
      const [report] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByRole('button', { name: 'Rapport complet (CSV)' }).click(),
      ]);
      expect(readFileSync(await report.path(), 'utf8').length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
