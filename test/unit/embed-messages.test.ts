import { describe, expect, it } from 'vitest';
import { announceTargets, isAllowedOrigin, normaliseOrigin, parseHostMessage, parseOrigins, revealsPosition } from '../../src/embed/messages.ts';

const ok = (data: unknown) => {
  const r = parseHostMessage(data);
  if (!r.ok) throw new Error(r.reason);
  return r.message;
};
const refused = (data: unknown) => {
  const r = parseHostMessage(data);
  expect(r.ok).toBe(false);
  return r.ok ? null : r;
};

describe('parseHostMessage', () => {
  it('accepts each documented message and returns plain values', () => {
    expect(ok({ target: 'maillage', type: 'setFilter', types: ['incubateur'], stages: [], dept: '2a' })).toEqual({
      target: 'maillage',
      type: 'setFilter',
      types: ['incubateur'],
      stages: [],
      dept: '2A',
    });
    expect(ok({ target: 'maillage', type: 'setFilter', types: null })).toEqual({ target: 'maillage', type: 'setFilter', types: null });
    expect(ok({ target: 'maillage', type: 'setScope', around: '31555', radius: 20 })).toEqual({
      target: 'maillage',
      type: 'setScope',
      around: '31555',
      radius: 20,
    });
    expect(ok({ target: 'maillage', type: 'setScope', around: '43.6,1.44', epci: null })).toMatchObject({ around: '43.6,1.44', epci: null });
    expect(ok({ target: 'maillage', type: 'search', commune: '48095' })).toEqual({ target: 'maillage', type: 'search', commune: '48095' });
    expect(ok({ target: 'maillage', type: 'select', id: 'catalis-toulouse' })).toMatchObject({ id: 'catalis-toulouse' });
    expect(ok({ target: 'maillage', type: 'select', id: null })).toMatchObject({ id: null });
    expect(ok({ target: 'maillage', type: 'setView', lon: 1.4, lat: 43.6, zoom: 9 })).toMatchObject({ zoom: 9 });
    expect(ok({ target: 'maillage', type: 'getState' })).toEqual({ target: 'maillage', type: 'getState' });
  });

  it('ignores messages that are not addressed to the map, without a reason to reply', () => {
    for (const data of [null, 'select', 42, ['maillage'], { type: 'select', id: 'x' }, { target: 'other', type: 'select' }, new Date()]) {
      expect(refused(data)?.ours).toBe(false);
    }
  });

  it('refuses unknown types, unexpected keys, wrong shapes and out-of-range values', () => {
    const cases: unknown[] = [
      { target: 'maillage', type: 'eval', code: 'alert(1)' },
      { target: 'maillage', type: 'constructor' },
      { target: 'maillage', type: '__proto__' },
      { target: 'maillage', type: 'select', id: 'x', html: '<img onerror=alert(1)>' },
      { target: 'maillage', type: 'select' },
      { target: 'maillage', type: 'select', id: '<script>' },
      { target: 'maillage', type: 'select', id: { toString: 'x' } },
      { target: 'maillage', type: 'setFilter' },
      { target: 'maillage', type: 'setFilter', types: 'incubateur' },
      { target: 'maillage', type: 'setFilter', types: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { target: 'maillage', type: 'setFilter', dept: '310' },
      { target: 'maillage', type: 'setScope', epci: '1234' },
      { target: 'maillage', type: 'setScope', radius: 1000 },
      { target: 'maillage', type: 'setScope', radius: '20' },
      { target: 'maillage', type: 'setScope' },
      { target: 'maillage', type: 'search', commune: 'Toulouse' },
      { target: 'maillage', type: 'setView', lon: 1, lat: 95, zoom: 5 },
      { target: 'maillage', type: 'setView', lon: NaN, lat: 43, zoom: 5 },
      { target: 'maillage', type: 'getState', extra: 1 },
    ];
    for (const data of cases) {
      const r = refused(data);
      expect(r?.ours, JSON.stringify(data)).toBe(true);
      expect(r?.reason).toBeTruthy();
    }
  });

  it('refuses objects that are not plain (class instances, prototypes with getters)', () => {
    class Fake {
      target = 'maillage';
      type = 'getState';
    }
    expect(refused(new Fake())?.ours).toBe(false);
    const evil = Object.create({ polluted: true }) as Record<string, unknown>;
    evil.target = 'maillage';
    evil.type = 'getState';
    expect(refused(evil)?.ours).toBe(false);
  });

  it('the returned message is a fresh copy: later changes to the input do not reach it', () => {
    const types = ['incubateur'];
    const m = ok({ target: 'maillage', type: 'setFilter', types });
    types.push('intrus');
    expect(m).toMatchObject({ types: ['incubateur'] });
  });
});

describe('origins', () => {
  it('parses a comma list and normalises origins', () => {
    const p = parseOrigins(' https://www.Example.org/ ,http://127.0.0.1:8080,,https://www.example.org');
    expect(p).toEqual({ origins: ['https://www.example.org', 'http://127.0.0.1:8080'], any: false, invalid: [], unusable: false });
    expect(parseOrigins('*').any).toBe(true);
    expect(parseOrigins(null)).toEqual({ origins: [], any: false, invalid: [], unusable: false });
  });

  it('fails closed: one unusable entry makes the parameter unusable — nothing announced, only the map’s own origin drives it', () => {
    const own = 'https://maillage.example';
    for (const value of [
      '127.0.0.1:4303',
      'https://x.org/path',
      'null',
      'garbage',
      '',
      ' , ',
      'https://ok.example,javascript:alert(1)',
      'https://a.example?',
    ]) {
      const p = parseOrigins(value);
      expect(p.unusable, value).toBe(true);
      expect(p.origins).toEqual([]);
      expect(announceTargets(p), value).toEqual([]);
      expect(isAllowedOrigin('https://ok.example', p, own)).toBe(false);
      expect(isAllowedOrigin(own, p, own)).toBe(true);
      expect(revealsPosition(p)).toBe(false);
    }
    expect(parseOrigins('https://x.org/path, javascript:alert(1)').invalid).toEqual(['https://x.org/path', 'javascript:alert(1)']);
  });

  it('a view from the visitor’s position goes only to origins named one by one', () => {
    expect(revealsPosition(parseOrigins('https://a.example'))).toBe(true);
    expect(revealsPosition(parseOrigins('*'))).toBe(false);
    expect(revealsPosition(parseOrigins('https://a.example,*'))).toBe(false);
    expect(revealsPosition(parseOrigins(null))).toBe(false);
  });

  it('by default only the map’s own origin may drive it', () => {
    const none = parseOrigins(null);
    expect(isAllowedOrigin('http://127.0.0.1:5173', none, 'http://127.0.0.1:5173')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:9999', none, 'http://127.0.0.1:5173')).toBe(false);
  });

  it('listed origins are allowed exactly, "*" allows any web origin but never "null"', () => {
    const own = 'https://maillage.example';
    const listed = parseOrigins('https://partner.example');
    expect(isAllowedOrigin('https://partner.example', listed, own)).toBe(true);
    expect(isAllowedOrigin('https://partner.example.evil.test', listed, own)).toBe(false);
    expect(isAllowedOrigin('http://partner.example', listed, own)).toBe(false);
    const any = parseOrigins('*');
    expect(isAllowedOrigin('https://anyone.example', any, own)).toBe(true);
    expect(isAllowedOrigin('null', any, own)).toBe(false);
  });

  it('announces to the listed origins, or to any host when none is listed', () => {
    expect(announceTargets(parseOrigins('https://a.example,https://b.example'))).toEqual(['https://a.example', 'https://b.example']);
    expect(announceTargets(parseOrigins(null))).toEqual(['*']);
    expect(announceTargets(parseOrigins('*'))).toEqual(['*']);
  });

  it('normaliseOrigin keeps only bare http(s) origins', () => {
    expect(normaliseOrigin('https://a.example:443/')).toBe('https://a.example');
    expect(normaliseOrigin('https://user@a.example')).toBeNull();
    expect(normaliseOrigin('https://a.example/?q=1')).toBeNull();
    expect(normaliseOrigin('ftp://a.example')).toBeNull();
    expect(normaliseOrigin('a.example')).toBeNull();
  });
});
