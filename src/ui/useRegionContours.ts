import { useEffect, useState } from 'react';
import { parsedContours, regionContours, type CommuneContours } from '../data/contours';
import type { RegionData } from '../data/load-region';

/**
 * The region's commune contours parsed on the page's thread, asked for on first use (see
 * src/data/contours.ts): null until they have arrived and been parsed, then the same
 * object for every component of the region.
 */
export function useRegionContours(data: RegionData | null | undefined): CommuneContours | null {
  const now = data ? parsedContours(data) : null;
  const [, setParsed] = useState<CommuneContours | null>(now);
  useEffect(() => {
    if (!data || now) return;
    let cancelled = false;
    regionContours(data)?.then(
      (contours) => !cancelled && setParsed(contours),
      // A download that cannot be parsed: the panels keep saying they wait, the console says why.
      (error: unknown) => console.error(error),
    );
    return () => {
      cancelled = true;
    };
  }, [data, now]);
  return now;
}
