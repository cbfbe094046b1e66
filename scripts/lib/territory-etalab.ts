// Loads the parts of @etalab/decoupage-administratif the territory build needs
// (current communes, EPCI membership, département names) and the package version,
// which goes into the build's input hashes; and La Poste's names of each commune
// from the codes-postaux package, for the search.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PostalRow } from './territory-names.ts';

/** One entry of the package's data/communes.json (only the fields used here). */
export interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  population?: number;
  codesPostaux?: string[];
  /** Codes of former communes merged into this current commune. */
  anciensCodes?: string[];
  /** For commune-deleguee / commune-associee entries: the current commune they belong to. */
  chefLieu?: string;
}

export interface EtalabEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

export interface EtalabDepartement {
  code: string;
  nom: string;
  region: string;
}

export interface EtalabData {
  version: string;
  communes: EtalabCommune[];
  epci: EtalabEpci[];
  departements: EtalabDepartement[];
  /** La Poste rows of the codes-postaux package; absent in test fixtures (no La Poste forms then). */
  postal?: PostalRow[];
}

export const ETALAB_PACKAGE = '@etalab/decoupage-administratif';
/** La Poste's delivery names ("libellé d'acheminement") per commune: https://github.com/BaseAdresseNationale/codes-postaux */
export const POSTAL_PACKAGE = 'codes-postaux';

const require = createRequire(import.meta.url);

/** Folder of an installed package (its package.json's folder). */
export function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // A package whose "exports" hide its package.json: up from its entry point.
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return dir;
  }
}

/** Version of an installed package, read from its package.json. */
export async function packageVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageDir(name), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

async function readData<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(join(packageDir(ETALAB_PACKAGE), 'data', file), 'utf8')) as T;
}

export async function loadEtalab(): Promise<EtalabData> {
  const [version, communes, epci, departements, postal] = await Promise.all([
    packageVersion(ETALAB_PACKAGE),
    readData<EtalabCommune[]>('communes.json'),
    readData<EtalabEpci[]>('epci.json'),
    readData<EtalabDepartement[]>('departements.json'),
    readFile(join(packageDir(POSTAL_PACKAGE), 'codes-postaux.json'), 'utf8').then((text) => JSON.parse(text) as PostalRow[]),
  ]);
  return { version, communes, epci, departements, postal };
}
