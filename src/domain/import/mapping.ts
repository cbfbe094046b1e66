// Which column feeds which field: automatic guesses from usual French (and English) headers.
import { textKey } from './text';
import { TARGET_FIELDS, type Mapping, type TableRow, type TargetField } from './types';

/** Header spellings per field, compared after textKey (no accents, case or punctuation). */
const ALIASES: Record<TargetField, readonly string[]> = {
  id: ['id', 'identifiant', 'ref', 'reference', 'id structure', 'identifiant structure', 'code structure'],
  name: [
    'name',
    'nom',
    'structure',
    'nom structure',
    'nom de la structure',
    'nom du lieu',
    'raison sociale',
    'denomination',
    'organisme',
    'nom organisme',
    'libelle',
    'intitule',
    'etablissement',
    'nom etablissement',
  ],
  type: ['type', 'type d offre', 'type offre', 'type de structure', 'type structure', 'categorie', 'typologie', 'nature'],
  stages: ['stages', 'etapes', 'etape', 'etapes accompagnees', 'phase', 'phases', 'stade', 'stades'],
  address: ['address', 'adresse', 'adresse postale', 'adresse 1', 'adresse1', 'rue', 'voie', 'numero et voie', 'adresse complete'],
  postcode: ['postcode', 'cp', 'code postal', 'codepostal', 'zip', 'zipcode', 'post code', 'code post'],
  commune: ['code insee', 'insee', 'code commune', 'code insee commune', 'code commune insee', 'citycode', 'cog', 'depcom', 'codgeo', 'com'],
  communeName: ['commune', 'ville', 'localite', 'city', 'nom commune', 'nom de la commune', 'libelle commune', 'lieu', 'town'],
  dept: ['departement', 'dept', 'dep', 'dpt', 'code departement', 'num departement', 'numero departement'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitude wgs84', 'lon wgs84', 'geometry lon'],
  lat: ['lat', 'latitude', 'latitude wgs84', 'lat wgs84', 'geometry lat'],
  x: ['x', 'coord x', 'coordonnee x', 'coordonnees x', 'x lambert', 'x lambert 93', 'x lambert93', 'x l93', 'lambert x', 'x 2154', 'easting'],
  y: ['y', 'coord y', 'coordonnee y', 'coordonnees y', 'y lambert', 'y lambert 93', 'y lambert93', 'y l93', 'lambert y', 'y 2154', 'northing'],
  precision: ['precision', 'precision position', 'precision localisation', 'precision geographique'],
  website: ['website', 'site web', 'site', 'site internet', 'siteweb', 'url', 'web', 'lien', 'adresse web', 'page web'],
  email: ['email', 'e mail', 'mail', 'courriel', 'adresse mail', 'adresse e mail', 'adresse electronique', 'mel', 'contact mail'],
  phone: ['phone', 'telephone', 'tel', 'tel fixe', 'numero de telephone', 'n telephone', 'portable', 'contact telephone'],
  description: ['description', 'presentation', 'descriptif', 'commentaire', 'commentaires', 'observations', 'remarques', 'notes', 'infos'],
  source: ['source', 'sources', 'url source', 'lien source', 'source url'],
  updated: [
    'updated',
    'mise a jour',
    'date de mise a jour',
    'date mise a jour',
    'derniere mise a jour',
    'date maj',
    'maj',
    'date de verification',
    'verifie le',
    'date verification',
    'last updated',
  ],
  status: ['status', 'statut', 'etat', 'validation', 'statut fiche'],
  zone: ['zone', 'zones', 'territoire', 'zone d intervention', 'territoire d intervention', 'perimetre', 'zone couverte', 'territoire desservi'],
};

/** Looser rules when no alias matches exactly: a word in the header gives the field. */
const CONTAINS: Array<[RegExp, TargetField]> = [
  [/\binsee\b/, 'commune'],
  [/\bpostal\b/, 'postcode'],
  [/\b(courriel|e ?mail)\b/, 'email'],
  [/\b(telephone|tel)\b/, 'phone'],
  [/\blatitude\b/, 'lat'],
  [/\blongitude\b/, 'lon'],
  [/\bsite (web|internet)\b/, 'website'],
  [/\badresse\b/, 'address'],
  [/\b(commune|ville)\b/, 'communeName'],
  [/\bdepartement\b/, 'dept'],
  [/\b(nom|denomination|raison sociale)\b/, 'name'],
  [/\bmise a jour\b/, 'updated'],
];

const CODE_LIKE = /^(?:\d{4,5}|2[AB]\d{3})$/i;

/**
 * Guesses the mapping from the header, looking at a few rows where a header is ambiguous:
 * a "Commune" or "Ville" column holding INSEE codes feeds `commune`, not `communeName`.
 * Each field takes one column and each column feeds one field; exact spellings win over
 * loose ones, and the leftmost column wins among equals.
 *
 * @example guessMapping(['Nom', 'CP', 'Ville'], []) // { name: 0, postcode: 1, communeName: 2 }
 */
export function guessMapping(header: readonly string[], sample: readonly TableRow[] = []): Mapping {
  const mapping: Mapping = {};
  const used = new Set<number>();
  const keys = header.map(textKey);
  const assign = (field: TargetField, column: number) => {
    if (mapping[field] !== undefined || used.has(column)) return;
    mapping[field] = column;
    used.add(column);
  };
  const codeLike = (column: number) => {
    const values = sample.map((r) => (r.fields[column] ?? '').trim().replace(/^="(.*)"$/, '$1')).filter((v) => v !== '');
    return values.length > 0 && values.filter((v) => CODE_LIKE.test(v)).length / values.length >= 0.8;
  };

  // Exact spellings, in field order so that e.g. "commune" reads the code column first.
  keys.forEach((key, column) => {
    if (key === '') return;
    for (const field of TARGET_FIELDS) {
      if (!ALIASES[field].includes(key)) continue;
      if (field === 'communeName' && codeLike(column)) assign('commune', column);
      else assign(field, column);
      return;
    }
  });
  keys.forEach((key, column) => {
    if (key === '' || used.has(column)) return;
    for (const [pattern, field] of CONTAINS) {
      if (!pattern.test(key)) continue;
      if (field === 'communeName' && codeLike(column)) assign('commune', column);
      else assign(field, column);
      return;
    }
  });
  return mapping;
}

/** Fields the mapping provides, in a stable order. */
export function mappedFields(mapping: Mapping): TargetField[] {
  return TARGET_FIELDS.filter((f) => mapping[f] !== undefined);
}

/** Sets `field` to `column` (or removes it with null), freeing the column from any other field. */
export function setMapping(mapping: Mapping, field: TargetField, column: number | null): Mapping {
  const next: Mapping = {};
  for (const f of TARGET_FIELDS) {
    const c = mapping[f];
    if (c !== undefined && f !== field && c !== column) next[f] = c;
  }
  if (column !== null) next[field] = column;
  return next;
}
