// Joins the 2018 commune contours to today's communes. A 2018 code is either still
// a current commune, or a former commune named in a current commune's
// `anciensCodes`, or a commune déléguée / associée whose `chefLieu` is current.
// Pure: no file access, so it is tested on small hand-made fixtures.
import type { Issue } from '../../src/domain/types.ts';
import type { EtalabCommune } from './territory-etalab.ts';
import type { BorrowedContour } from './territory-splits.ts';

export interface ContourRef {
  code: string;
  nom: string;
}

export interface Borrowed {
  code: string;
  name: string;
  /** Code and name of the 2018 contour the commune is drawn with. */
  contour: string;
  contourName: string;
  /** Current commune that contour belongs to. */
  sharedWith: string;
  source: string;
}

export interface JoinResult {
  /** Current communes of the region, sorted by code. */
  communes: EtalabCommune[];
  /** 2018 contour code → current commune code (contours of the region only). */
  target: Map<string, string>;
  borrowed: Borrowed[];
  via: { direct: number; anciensCodes: number; chefLieu: number };
  /** Errors stop the build; warnings are printed and kept in the manifest notes. */
  issues: Issue[];
}

/** Maps each 2018 contour onto a current commune of the region; see the file comment. */
export function joinContours(
  contours: readonly ContourRef[],
  etalab: readonly EtalabCommune[],
  regionCode: string,
  borrowedContours: Readonly<Record<string, BorrowedContour>> = {},
): JoinResult {
  const current = new Map<string, EtalabCommune>();
  const formerOf = new Map<string, string>();
  const chefLieuOf = new Map<string, string>();
  for (const c of etalab) {
    if (c.type === 'commune-actuelle') {
      current.set(c.code, c);
      for (const old of c.anciensCodes ?? []) if (!formerOf.has(old)) formerOf.set(old, c.code);
    } else if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu) {
      if (!chefLieuOf.has(c.code)) chefLieuOf.set(c.code, c.chefLieu);
    }
  }
  const communes = [...current.values()].filter((c) => c.region === regionCode).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const inRegion = new Set(communes.map((c) => c.code));

  const issues: Issue[] = [];
  const target = new Map<string, string>();
  const via = { direct: 0, anciensCodes: 0, chefLieu: 0 };
  const contourName = new Map<string, string>();
  for (const { code, nom } of contours) {
    if (contourName.has(code)) {
      issues.push({ severity: 'error', message: `2018 contour ${code} (${nom}) appears twice` });
      continue;
    }
    contourName.set(code, nom);
    let to: string | undefined;
    let how: keyof typeof via | undefined;
    if (current.has(code)) [to, how] = [code, 'direct'];
    else if (formerOf.has(code)) [to, how] = [formerOf.get(code), 'anciensCodes'];
    else if (chefLieuOf.has(code) && current.has(chefLieuOf.get(code) ?? '')) [to, how] = [chefLieuOf.get(code), 'chefLieu'];
    if (!to || !how) {
      issues.push({ severity: 'warning', message: `2018 contour ${code} (${nom}) matches no current commune: left out` });
      continue;
    }
    if (!inRegion.has(to)) {
      issues.push({
        severity: 'warning',
        message: `2018 contour ${code} (${nom}) belongs to commune ${to} outside region ${regionCode}: left out`,
      });
      continue;
    }
    target.set(code, to);
    via[how] += 1;
  }

  const drawn = new Set(target.values());
  const borrowed: Borrowed[] = [];
  for (const c of communes) {
    if (drawn.has(c.code)) continue;
    const known = borrowedContours[c.code];
    const sharedWith = known ? target.get(known.contour) : undefined;
    if (!known || !sharedWith) {
      issues.push({
        severity: 'error',
        message:
          `commune ${c.code} (${c.nom}) has no 2018 contour` +
          (known ? ` and its recorded contour ${known.contour} is not among the inputs` : '') +
          '; record the contour it was part of in scripts/lib/territory-splits.ts',
      });
      continue;
    }
    const b: Borrowed = {
      code: c.code,
      name: c.nom,
      contour: known.contour,
      contourName: contourName.get(known.contour) ?? known.contour,
      sharedWith,
      source: known.source,
    };
    borrowed.push(b);
    issues.push({ severity: 'warning', message: describeBorrowed(b) });
  }
  return { communes, target, borrowed, via, issues };
}

export function describeBorrowed(b: Borrowed): string {
  return (
    `${b.code} ${b.name} has no contour of its own in the 2018 contours: ` +
    `it was part of the 2018 contour ${b.contour} ${b.contourName}, so it is drawn with the contour of commune ${b.sharedWith} ` +
    `and shares its representative point (source: ${b.source})`
  );
}
