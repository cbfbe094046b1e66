// "Proposer une correction": from a structure card to the row in the catalogue's format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { serializeCatalogueCsv } from '../../src/domain/catalogue/index';
import type { Structure } from '../../src/domain/types';
import { launch, openApp } from './driver';

const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/occitanie/structures.geojson'), 'utf8')) as FeatureCollection<
  GeoJSON.Point | null,
  Structure
>;
// A row with a quote (required once re-dated) and no phone yet.
const target = catalogue.features.map((f) => f.properties).find((s) => s.quote !== '' && s.phone === '' && s.status !== 'closed')!;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('proposing a correction from a structure card', () => {
  it('prefills the form, yields the corrected row as CSV and offers no mailto link in Occitanie (no contact)', async () => {
    const { page, context, errors } = await openApp(browser, `?sel=${target.id}`);
    await page.getByTestId('structure-card').waitFor();
    await page.getByTestId('correction-open').click();
    const dialog = page.getByTestId('correction-dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="correction-dialog"]'))).toBe(true);
    expect(await page.getByTestId('correction-field-name').inputValue()).toBe(target.name);
    expect(await page.getByLabel('Téléphone').count()).toBe(1);

    await page.getByLabel('Téléphone').fill('05 61 12 34 56');
    await page.getByTestId('correction-submit').click();
    await page.getByTestId('correction-outcome').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('correction-download').click()]);
    expect(download.suggestedFilename()).toBe(`correction-${target.id}-${localToday()}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toBe(serializeCatalogueCsv([{ ...target, phone: '05 61 12 34 56', updated: localToday() }]));
    expect(await page.getByTestId('correction-mailto').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers a mailto link with the same row when the region names a contact', async () => {
    const { page, context } = await openApp(browser);
    await page.route('**/data/occitanie/config.json', async (route) => {
      const config = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...config, contact: { email: 'ess@example.org' } }) });
    });
    await page.goto(page.url().replace(/\?.*$/, '') + `?sel=${target.id}`);
    await page.getByTestId('structure-card').waitFor();
    await page.getByTestId('correction-open').click();
    await page.getByTestId('correction-field-note').fill('Nouveau numéro & horaires');
    await page.getByTestId('correction-submit').click();
    const href = (await page.getByTestId('correction-mailto').getAttribute('href'))!;
    expect(href).toMatch(/^mailto:ess@example\.org\?subject=/);
    const body = decodeURIComponent(href.split('&body=')[1]!);
    expect(body).toContain('Nouveau numéro & horaires');
    const csv = await page.getByTestId('correction-csv').inputValue();
    // Mail clients cut long links: a long row is cut at a line end, with a note to attach the file.
    if (body.endsWith('Joignez le fichier CSV téléchargé.')) {
      expect(href.length).toBeLessThanOrEqual(1800);
      expect(csv.startsWith(body.split('Ligne du catalogue (CSV) :\n')[1]!.split('\n…\n')[0]!.slice(0, 200))).toBe(true);
      expect(await page.getByText('joignez-y le fichier téléchargé').count()).toBe(1);
    } else {
      expect(body).toContain(csv);
    }
    await context.close();
  });

  it('shows each problem next to its field, and Escape gives the focus back to the card', async () => {
    const { page, context } = await openApp(browser, `?sel=${target.id}`, { viewport: { width: 390, height: 800 } });
    await page.getByTestId('structure-card').waitFor();
    await page.getByTestId('correction-open').click();
    await page.getByTestId('correction-dialog').waitFor();
    await page.getByTestId('correction-field-source').fill('');
    await page.getByTestId('correction-field-email').fill('pas-un-courriel');
    await page.getByTestId('correction-submit').click();
    await page.getByTestId('correction-summary').waitFor();
    expect(await page.getByTestId('correction-error-source').innerText()).toContain('Source manquante');
    expect(await page.getByTestId('correction-error-email').innerText()).toContain('Courriel « pas-un-courriel »');
    expect(await page.getByTestId('correction-field-source').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('correction-outcome').count()).toBe(0);
    // Fits a phone: no horizontal scroll inside the dialog.
    expect(await page.getByTestId('correction-dialog').evaluate((d) => d.scrollWidth <= d.clientWidth + 1)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('correction-dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('correction-open');
    await context.close();
  });
});
