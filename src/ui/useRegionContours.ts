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
  const [, setSettled] = useState(0);
  useEffect(() => {
    if (!data || now) return;
    let cancelled = false;
    // Settled either way: parsed, or failed (`contoursFailure` then says why, WhenCommunes shows it).
    const settled = () => !cancelled && setSettled((n) => n + 1);
    regionContours(data)?.then(settled, (error: unknown) => {
      console.error(error);
      settled();
    });
    return () => {
      cancelled = true;
    };
  }, [data, now]);
  return now;
}
