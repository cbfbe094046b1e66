import { describe, expect, it } from 'vitest';
import {
  communeCsvRows,
  distanceBreaks,
  distanceClass,
  formatSims,
  nearestOffers,
  neutralise,
  parseSims,
  sortRows,
  summarise,
  territoryTable,
  toCsv,
} from '../../src/domain/coverage/index.ts';
import { bruteTerritoryOffers, mulberry32, randomCommunes, randomOffers } from '../fixtures/coverage/random.ts';
import { line, STEP } from '../fixtures/coverage/line.ts';

describe('territoryTable', () => {
  it('known answer per département on the line (site at Alpha, 30 km)', () => {
    const offers = line.offers.slice(0, 1);
    const r = nearestOffers(line.communes, offers, 'site');
    const rows = territoryTable(line.communes, r, offers, { groupBy: 'dept', thresholdKm: 30, reading: 'site', names: new Map([['D1', 'Un']]) });
    expect(rows.map((x) => [x.code, x.name, x.communes, x.population, x.beyondCommunes, x.beyondPopulation, x.farthestName, x.offers])).toEqual([
      ['D1', 'Un', 4, 1900, 1, 400, 'Delta', 1],
      ['D2', 'D2', 3, 8100, 3, 8100, 'Golf', 0],
    ]);
    expect(rows[0]!.farthestKm).toBeCloseTo(3 * STEP, 9);
    expect(rows[0]!.offersPer10k).toBeCloseTo((1 / 1900) * 10000, 9);
    expect(rows[1]!.offersPer10k).toBe(0);
    expect(rows[1]!.beyondPopulationShare).toBe(1);
  });

  it('zones reading: an offer declaring D2 counts for D2 and serves it', () => {
    const offers = line.offers.slice(0, 2);
    const r = nearestOffers(line.communes, offers, 'zones');
    const rows = territoryTable(line.communes, r, offers, { groupBy: 'epci', thresholdKm: 30, reading: 'zones' });
    expect(rows.map((x) => [x.code, x.beyondCommunes, x.offers, x.farthestKm])).toEqual([
      ['E1', 1, 1, rows[0]!.farthestKm],
      ['E2', 0, 1, 0],
    ]);
  });

  it('rows add up to the regional summary (random fixture, both groupings)', () => {
    const rand = mulberry32(41);
    const communes = randomCommunes(rand, 600);
    const offers = randomOffers(rand, 9);
    const r = nearestOffers(communes, offers, 'site');
    const s = summarise(communes, r, 30);
    for (const groupBy of ['dept', 'epci'] as const) {
      const rows = territoryTable(communes, r, offers, { groupBy, thresholdKm: 30, reading: 'site' });
      expect(rows.reduce((n, x) => n + x.beyondPopulation, 0)).toBe(s.beyondPopulation);
      expect(rows.reduce((n, x) => n + x.beyondCommunes, 0)).toBe(s.beyondCommunes);
      expect(rows.reduce((n, x) => n + x.population, 0)).toBe(s.population);
      expect(Math.max(...rows.map((x) => x.farthestKm))).toBe(Math.max(...r.distanceKm));
    }
  });

  it('counts each offer once per territory, as a test of every offer against every territory does (random fixture, both readings)', () => {
    const rand = mulberry32(43);
    const communes = randomCommunes(rand, 300);
    const zones = [[], [], ['D1'], ['D2', 'D3'], ['region'], ['D1', 'region'], ['D9']];
    const offers = randomOffers(rand, 400).map((o, i) => ({
      ...o,
      // Located in a commune, in none, or unplaced; zones of every kind, unknown ones included.
      commune: i % 5 === 0 ? '' : communes[Math.floor(rand() * communes.length)]!.code,
      lon: i % 7 === 0 ? null : o.lon,
      lat: i % 7 === 0 ? null : o.lat,
      zone: zones[i % zones.length]!,
    }));
    for (const reading of ['site', 'zones'] as const) {
      const r = nearestOffers(communes, offers, reading);
      for (const groupBy of ['dept', 'epci'] as const) {
        const expected = bruteTerritoryOffers(communes, offers, groupBy, reading);
        const rows = territoryTable(communes, r, offers, { groupBy, thresholdKm: 30, reading });
        expect(new Map(rows.map((x) => [x.code, x.offers]))).toEqual(expected);
      }
    }
  });

  it('sorts by a column, ties in code order, nulls last', () => {
    const offers = line.offers.slice(0, 1);
    const r = nearestOffers(line.communes, offers, 'site');
    const rows = territoryTable(line.communes, r, offers, { groupBy: 'dept', thresholdKm: 30, reading: 'site' });
    expect(sortRows(rows, 'beyondPopulation', true).map((x) => x.code)).toEqual(['D2', 'D1']);
    expect(sortRows(rows, 'beyondPopulation', false).map((x) => x.code)).toEqual(['D1', 'D2']);
    expect(sortRows([{ ...rows[0]!, offersPer10k: null }, rows[1]!], 'offersPer10k', true).map((x) => x.code)).toEqual(['D2', 'D1']);
  });
});

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark, separates with semicolons, ends lines with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(text).toBe('\uFEFFa;b\r\n1;2\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+33 1', '-2+A1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(bad)).toBe(`'${bad}`);
    expect(neutralise('Saint-Affrique')).toBe('Saint-Affrique');
    expect(toCsv([['=HYPERLINK("x")']], { bom: false })).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(toCsv([['a;b', 'say "hi"', 'two\nlines']], { bom: false })).toBe('"a;b";"say ""hi""";"two\nlines"\r\n');
  });

  it('lists the communes beyond the threshold, farthest first, with distance and nearest structure', () => {
    const offers = line.offers.slice(0, 1);
    const r = nearestOffers(line.communes, offers, 'site');
    const rows = communeCsvRows(line.communes, r, offers, { thresholdKm: 40, onlyBeyond: true, decimal: ',' });
    expect(rows.length).toBe(4);
    expect(rows[1]!.slice(0, 2)).toEqual(['00007', 'Golf']);
    expect(rows[1]![5]).toBe((6 * STEP).toFixed(1).replace('.', ','));
    expect(rows[1]![9]).toBe('Site Alpha');
    expect(rows.slice(1).map((x) => x[6])).toEqual(['1', '1', '1']);
    expect(rows.slice(1).map((x) => x[7])).toEqual(['beyond', 'beyond', 'beyond']);
    const all = communeCsvRows(line.communes, r, offers, { thresholdKm: 40, onlyBeyond: false });
    expect(all.length).toBe(8);
  });

  it('says "no offer" in the structure column when nothing is selected', () => {
    const r = nearestOffers(line.communes, [], 'site');
    const rows = communeCsvRows(line.communes, r, [], { thresholdKm: 40, onlyBeyond: true, noOfferText: 'aucune offre' });
    expect(rows.slice(1).every((x) => x[5] === '' && x[9] === 'aucune offre')).toBe(true);
  });
});

describe('hypothetical sites in the URL', () => {
  it('round-trips, rounded to 4 decimals', () => {
    const text = formatSims([
      { lon: 1.444219, lat: 43.604652, type: 'incubateur' },
      { lon: -0.1, lat: 44, type: 'realis' },
    ]);
    expect(text).toBe('1.4442,43.6047,incubateur;-0.1,44,realis');
    expect(parseSims(text).sites).toEqual([
      { lon: 1.4442, lat: 43.6047, type: 'incubateur' },
      { lon: -0.1, lat: 44, type: 'realis' },
    ]);
  });

  it('keeps the good entries and names the bad ones', () => {
    const r = parseSims('1,43,incubateur;abc,43,realis;1,95,realis;2,44,<script>;2,44,unknown', ['incubateur', 'realis']);
    expect(r.sites).toEqual([{ lon: 1, lat: 43, type: 'incubateur' }]);
    expect(r.problems.length).toBe(4);
    expect(r.problems[0]).toContain('site 2');
    expect(r.problems[2]).toContain('type inconnu');
  });
});

describe('distance classes', () => {
  it('put the threshold on a class boundary, the threshold itself being covered', () => {
    expect(distanceBreaks(30)).toEqual([15, 30, 45, 60]);
    expect(distanceClass(0, 30)).toBe(0);
    expect(distanceClass(30, 30)).toBe(1);
    expect(distanceClass(30.01, 30)).toBe(2);
    expect(distanceClass(Infinity, 30)).toBe(4);
  });
});
