import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Colour contrast of the interface (WCAG 2.1 1.4.3 text ≥ 4.5:1, 1.4.11 UI
// parts and focus ring ≥ 3:1), computed from the colours of src/ui/app.css.
// https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio

const ROOT = resolve(import.meta.dirname, '../..');
// One selector list per line whatever the formatting (prettier puts each selector on its own line).
const css = readFileSync(resolve(ROOT, 'src/ui/app.css'), 'utf8').replace(/,\s*\n\s*/g, ', ');
const vars = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1]!, m[2]!]));
const v = (name: string) => {
  const value = vars[name];
  if (!value) throw new Error(`--${name} is not a colour of app.css`);
  return value;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The colour a rule of app.css (selector alone or in a list) gives to a property, e.g. ruleColour('.load-error', 'color'). */
function ruleColour(selector: string, property: string): string {
  const rules = css.matchAll(
    new RegExp(`(?:^|[}\\n])\\s*(?:[^{}\\n]*,\\s*)?${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:,[^{}]*)?\\{([^}]*)\\}`, 'g'),
  );
  const value = [...rules].map((r) => r[1]!.match(new RegExp(`(?:^|;|\\s)${property}:\\s*([^;]+)`))?.[1]?.trim()).find(Boolean);
  if (!value) throw new Error(`${selector} { ${property} } not found in app.css`);
  const hex = value.match(/#[0-9a-fA-F]{6}/)?.[0] ?? value.match(/var\(--([\w-]+)\)/)?.[1];
  if (!hex) throw new Error(`${selector} { ${property}: ${value} } is not a plain colour`);
  return hex.startsWith('#') ? hex : v(hex);
}

describe('contrast ratio', () => {
  it('matches the WCAG definition on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});

describe('text of the interface (≥ 4.5:1)', () => {
  const pairs: Array<[string, string, string]> = [
    ['body text on the panel', v('ink'), v('panel')],
    ['body text on the page', v('ink'), v('bg')],
    ['secondary text (counts, legend dates, metadata) on the panel', v('muted'), v('panel')],
    ['secondary text on the page', v('muted'), v('bg')],
    ['secondary text on a hovered list row', v('muted'), ruleColour('.structure-item:hover', 'background')],
    ['links and selected tab on the panel', v('accent'), v('panel')],
    ['header text and primary buttons (white on accent)', '#ffffff', v('accent')],
    ['warnings ("à vérifier", offline notice)', v('warn-ink'), v('warn-bg')],
    ['loading error', ruleColour('.load-error', 'color'), v('bg')],
  ];
  for (const [what, fg, bg] of pairs) {
    it(`${what}: ${fg} on ${bg}`, () => expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5));
  }
});

describe('parts of the interface and the focus ring (≥ 3:1)', () => {
  const ring = ruleColour(':focus-visible', 'outline');
  const headerRing = ruleColour('.app-header :focus-visible', 'outline-color');
  const pairs: Array<[string, string, string]> = [
    ['focus ring on the panel', ring, v('panel')],
    ['focus ring on the page', ring, v('bg')],
    ['focus ring in the header', headerRing, v('accent')],
    ['form field borders', ruleColour('.field select, .field input', 'border').slice(0, 7), v('panel')],
  ];
  for (const [what, fg, bg] of pairs) {
    it(`${what}: ${fg} on ${bg}`, () => expect(contrast(fg, bg)).toBeGreaterThanOrEqual(3));
  }
});

describe('offer-type colours of every region (Okabe–Ito)', () => {
  const regions = readdirSync(resolve(ROOT, 'data/regions')).filter((f) => f.endsWith('.json'));
  for (const file of regions) {
    const config = JSON.parse(readFileSync(resolve(ROOT, 'data/regions', file), 'utf8')) as {
      offerTypes: Array<{ id: string; color: string; symbol: string; label: { fr: string } }>;
    };
    it(`${file}: each type has its own colour and its own shape, and a text label in the legend`, () => {
      // Colour is never the only cue (WCAG 1.4.1): shapes differ, labels are text.
      const colours = config.offerTypes.map((t) => t.color.toLowerCase());
      const shapes = config.offerTypes.map((t) => t.symbol);
      expect(new Set(colours).size).toBe(colours.length);
      expect(new Set(shapes).size).toBe(shapes.length);
      expect(config.offerTypes.every((t) => t.label.fr.trim().length > 0)).toBe(true);
    });
  }
});
