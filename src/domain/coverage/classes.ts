// Distance classes for the choropleth, relative to the threshold so that the
// threshold is always a class boundary: the two first classes are covered,
// the three last are beyond.

/** Upper bounds (km, inclusive) of the first four classes; the fifth is open. */
export function distanceBreaks(thresholdKm: number): [number, number, number, number] {
  return [thresholdKm / 2, thresholdKm, thresholdKm * 1.5, thresholdKm * 2];
}

export const CLASS_COUNT = 5;

/** Class 0–4 of a distance: 0 = within half the threshold … 4 = beyond twice the threshold or no offer. */
export function distanceClass(distanceKm: number, thresholdKm: number): number {
  const breaks = distanceBreaks(thresholdKm);
  for (let k = 0; k < breaks.length; k++) if (distanceKm <= breaks[k]!) return k;
  return CLASS_COUNT - 1;
}

/** Colour-blind-safe sequence: blues for covered classes, oranges to purple beyond. */
export const CLASS_COLORS = ['#c6dbef', '#6baed6', '#fdae6b', '#e6550d', '#7f2704'] as const;
