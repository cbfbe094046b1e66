// Finding a commune from what a row gives: INSEE code, or name with postcode or département.
import type { Commune } from '../types';
import type { CommuneMatch } from '../commune-match';
import { communeKey, textKey } from './text';

// Compiled once: these run on every row.
const CODE_IN_PARENS = /\((\d{1,2}|2[AB])\)\s*$/i;
const ONE_DIGIT = /^\d$/;
const DEPT_CODE = /^(?:\d{2,3}|2[AB])$/i;

/** What a row's commune columns lead to: a match (src/domain/commune-match.ts), or why not. */
export type CommuneLookup =
  | ({ kind: 'found' } & CommuneMatch)
  | { kind: 'none' }
  | { kind: 'unknownCode'; code: string }
  | { kind: 'unknownName'; name: string }
  | { kind: 'ambiguous'; name: string; candidates: Commune[] };

export interface CommuneQuery {
  code: string;
  name: string;
  postcode: string;
  dept: string;
}

/** Indexes of the region's communes by code, name key and postcode, built once per import. */
export class CommuneIndex {
  readonly byCode = new Map<string, Commune>();
  private readonly byName = new Map<string, Commune[]>();
  private readonly byPostcode = new Map<string, Commune[]>();
  private readonly deptByName = new Map<string, string>();
  /** Communes of the names asked so far, by name as written: a file names the same towns again and again. */
  private readonly named = new Map<string, readonly Commune[]>();

  constructor(communes: readonly Commune[], departementNames: ReadonlyArray<{ code: string; name: string }> = []) {
    for (const c of communes) {
      this.byCode.set(c.code, c);
      push(this.byName, communeKey(c.name), c);
      for (const p of c.postcodes) push(this.byPostcode, p, c);
    }
    for (const d of departementNames) this.deptByName.set(textKey(d.name), d.code);
  }

  /** A département code from "31", "Haute-Garonne" or "Haute-Garonne (31)"; '' when unknown. */
  deptCode(text: string): string {
    const t = text.trim();
    if (t === '') return this.deptByName.get('') ?? '';
    const inParens = CODE_IN_PARENS.exec(t);
    const raw = inParens ? inParens[1]! : t;
    if (ONE_DIGIT.test(raw)) return `0${raw}`;
    if (DEPT_CODE.test(raw)) return raw.toUpperCase();
    return this.deptByName.get(textKey(t)) ?? '';
  }

  /**
   * The commune a row designates. The INSEE code wins; else the name, narrowed by the
   * postcode, then by the département (given, or the postcode's first two digits); a
   * postcode alone is enough when a single commune has it.
   */
  find(q: CommuneQuery): CommuneLookup {
    if (q.code !== '') {
      const c = this.byCode.get(q.code);
      return c ? { kind: 'found', commune: c, by: 'code', tier: 0 } : { kind: 'unknownCode', code: q.code };
    }
    if (q.name !== '') {
      let candidates = this.named.get(q.name);
      if (candidates === undefined) {
        candidates = this.byName.get(communeKey(q.name)) ?? [];
        if (this.named.size < 50_000) this.named.set(q.name, candidates);
      }
      if (candidates.length === 0) return { kind: 'unknownName', name: q.name };
      if (q.postcode !== '') {
        const withPostcode = onlyWithPostcode(candidates, q.postcode);
        if (withPostcode) return { kind: 'found', commune: withPostcode, by: 'name+postcode', tier: 0 };
      }
      const dept = q.dept !== '' ? q.dept : q.postcode.length === 5 ? q.postcode.slice(0, 2) : '';
      if (dept !== '') {
        const inDept = onlyInDept(candidates, dept);
        if (inDept) return { kind: 'found', commune: inDept, by: 'name+dept', tier: 0 };
      }
      if (candidates.length === 1) return { kind: 'found', commune: candidates[0]!, by: 'name', tier: 0 };
      return { kind: 'ambiguous', name: q.name, candidates: [...candidates] };
    }
    if (q.postcode !== '') {
      const withPostcode = this.byPostcode.get(q.postcode) ?? [];
      if (withPostcode.length === 1) return { kind: 'found', commune: withPostcode[0]!, by: 'postcode', tier: 0 };
    }
    return { kind: 'none' };
  }
}

/** The one commune of `list` with this postcode, or null when none or several have it. */
function onlyWithPostcode(list: readonly Commune[], postcode: string): Commune | null {
  let found: Commune | null = null;
  for (const c of list) {
    if (!c.postcodes.includes(postcode)) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

/** The one commune of `list` in this département, or null when none or several are. */
function onlyInDept(list: readonly Commune[], dept: string): Commune | null {
  let found: Commune | null = null;
  for (const c of list) {
    if (c.dept !== dept) continue;
    if (found) return null;
    found = c;
  }
  return found;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
