import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTS, formatParts, parseParts } from '../../src/domain/embed-params.ts';
import { embedInitialState } from '../../src/embed/embed-state.ts';
import { componentSnippet, embedQuery, escapeAttribute, iframeSnippet } from '../../src/domain/snippet.ts';

describe('parts=', () => {
  it('lists what shows; absent means search, list and legend; empty or none means the map alone', () => {
    expect(parseParts(null)).toEqual(DEFAULT_PARTS);
    expect(parseParts('list, Coverage,unknown')).toEqual({ search: false, list: true, legend: false, coverage: true });
    expect(parseParts('')).toEqual({ search: false, list: false, legend: false, coverage: false });
    expect(parseParts('none')).toEqual({ search: false, list: false, legend: false, coverage: false });
    expect(formatParts(parseParts('coverage,list'))).toBe('list,coverage');
    expect(formatParts(parseParts('none'))).toBe('none');
  });
});

describe('embedInitialState (URL → state of one embedded map)', () => {
  it('reads the app keys, the scope, the parts, and marks the map embedded', () => {
    const s = embedInitialState(
      new URLSearchParams(
        'region=occitanie&lang=en&types=incubateur&dept=31&epci=243100518&around=31555&radius=20&parts=list&map=9/43.6/1.44&data=https://partner.example/s.csv',
      ),
    );
    expect(s.lang).toBe('en');
    expect(s.filter).toMatchObject({ types: ['incubateur'], stages: [], dept: '31' });
    expect(s.scope).toEqual({ epci: '243100518', commune: null, around: '31555', radius: '20' });
    expect(s.dataUrl).toBe('https://partner.example/s.csv');
    expect(s.view).toEqual({ zoom: 9, lat: 43.6, lon: 1.44 });
    expect(s.parts).toEqual({ search: false, list: true, legend: false, coverage: false });
    expect(s.embedded).toBe(true);
  });

  it('falls back to the browser language, then French', () => {
    expect(embedInitialState(new URLSearchParams(''), ['en-GB']).lang).toBe('en');
    expect(embedInitialState(new URLSearchParams(''), []).lang).toBe('fr');
  });
});

describe('snippets', () => {
  const base = 'https://maillage.example/app/';
  const choice = { parts: { search: false, list: true, legend: true, coverage: false }, keepView: false, origins: ' https://www.partner.example ' };

  it('keeps filters and territory, drops the selection and (unless asked) the view', () => {
    const q = embedQuery('?types=incubateur,realis&epci=243100518&sel=x&map=8.00/43.6000/1.4400', choice);
    expect(q.get('types')).toBe('incubateur,realis');
    expect(q.get('epci')).toBe('243100518');
    expect(q.has('sel')).toBe(false);
    expect(q.has('map')).toBe(false);
    expect(q.get('parts')).toBe('list,legend');
    expect(q.get('origins')).toBe('https://www.partner.example');
    expect(embedQuery('?map=8/43/1', { ...choice, keepView: true, origins: '' }).get('map')).toBe('8/43/1');
  });

  it('writes an iframe pointing at embed.html with escaped attributes', () => {
    const html = iframeSnippet(base, embedQuery('?dept=31', choice), 480, 'Carte "Maillage" <ESS>');
    expect(html).toContain('src="https://maillage.example/app/embed.html?dept=31&amp;parts=list,legend&amp;origins=https%3A//www.partner.example"');
    expect(html).toContain('title="Carte &quot;Maillage&quot; &lt;ESS&gt;"');
    expect(html).toContain('height="480"');
  });

  it('writes the web component with one attribute per parameter and no postMessage origins', () => {
    const html = componentSnippet(base, embedQuery('?around=31555&radius=20', choice), 500);
    expect(html).toBe(
      '<script type="module" src="https://maillage.example/app/embed/maillage-map.js"></script>\n' +
        '<maillage-map around="31555" radius="20" parts="list,legend" style="display:block;height:500px"></maillage-map>',
    );
  });

  it('escapes whatever a value holds', () => {
    expect(escapeAttribute(`"><script>alert('x')</script>&`)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
    const html = componentSnippet(base, new URLSearchParams({ data: 'https://a.example/x.csv?"><img src=x onerror=alert(1)>' }), 400);
    expect(html).not.toContain('<img');
  });
});
