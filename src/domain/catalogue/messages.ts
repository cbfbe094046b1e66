// Catalogue and partner-file issue texts, in French and English, by code.
// The English text is what `Issue.message` holds (the command-line build prints it);
// the interface shows `issueMessage(issue, lang)`.
import type { Issue, Lang } from '../types';

export type MessageParams = Record<string, string | number>;

interface Texts {
  fr: (p: MessageParams) => string;
  en: (p: MessageParams) => string;
}

/** Params hold strings and numbers only; a list travels as one string joined by this separator. */
const LIST_SEPARATOR = '\u001f';

export function joinList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

function list(value: string | number | undefined): string[] {
  return value === undefined || value === '' ? [] : String(value).split(LIST_SEPARATOR);
}

/** The param as text; a missing one shows as empty rather than "undefined". */
const s = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
/** A flag param: set (non-empty, non-zero) or not. */
const on = (value: string | number | undefined): boolean => value !== undefined && value !== '' && value !== 0;

const quotedEn = (items: string[]) => items.map((b) => `"${b}"`).join(', ');
const quotedFr = (items: string[]) => items.map((b) => `« ${b} »`).join(', ');

export const CATALOGUE_MESSAGES = {
  // --- validate.ts: one row's values ---
  'catalogue.missingId': {
    en: () => 'Missing id.',
    fr: () => 'Identifiant manquant.',
  },
  'catalogue.idNotSlug': {
    en: (p) => `Id "${s(p.value)}" is not a slug: use lower-case letters, digits and single hyphens (e.g. "catalis-toulouse").`,
    fr: (p) => `Identifiant « ${s(p.value)} » mal formé : lettres minuscules sans accents, chiffres et tirets simples uniquement (ex. « catalis-toulouse »).`,
  },
  'catalogue.duplicateId': {
    en: (p) => `Duplicate id "${s(p.value)}" (first used on line ${s(p.first)}).`,
    fr: (p) => `Identifiant « ${s(p.value)} » en double (déjà utilisé ligne ${s(p.first)}).`,
  },
  'catalogue.missingName': {
    en: () => 'Missing name.',
    fr: () => 'Nom manquant.',
  },
  'catalogue.missingType': {
    en: () => 'Missing type.',
    fr: () => 'Type manquant.',
  },
  'catalogue.unknownType': {
    en: (p) => `Unknown type "${s(p.value)}"; expected one of: ${list(p.expected).join(', ')}.`,
    fr: (p) => `Type « ${s(p.value)} » inconnu ; valeurs possibles : ${list(p.expected).join(', ')}.`,
  },
  'catalogue.unknownStage': {
    en: (p) => `Unknown stage "${s(p.value)}"; expected some of: ${list(p.expected).join('|')}.`,
    fr: (p) => `Étape « ${s(p.value)} » inconnue ; valeurs possibles (une ou plusieurs) : ${list(p.expected).join('|')}.`,
  },
  'catalogue.noStage': {
    en: () => 'No stage given: the structure is hidden as soon as a stage filter is set.',
    fr: () => 'Aucune étape : la structure disparaît dès qu’on filtre par étape.',
  },
  'catalogue.badPostcode': {
    en: (p) => `Postcode "${s(p.value)}" is not 5 digits${on(p.fourDigits) ? ' (leading zero lost by a spreadsheet?)' : ''}.`,
    fr: (p) => `Code postal « ${s(p.value)} » : 5 chiffres attendus${on(p.fourDigits) ? ' (zéro initial perdu par un tableur ?)' : ''}.`,
  },
  'catalogue.communeNotInRegion': {
    en: (p) => `Commune "${s(p.value)}" is not a current commune of ${s(p.region)}.`,
    fr: (p) => `Commune « ${s(p.value)} » : aucune commune actuelle de la région ${s(p.regionFr)} n’a ce code.`,
  },
  'catalogue.commune4Digits': {
    en: (p) => `Commune "${s(p.value)}" has 4 digits: INSEE codes have 5 (leading zero lost by a spreadsheet? "${s(p.padded)}").`,
    fr: (p) => `Commune « ${s(p.value)} » : 4 chiffres, un code INSEE en a 5 (zéro initial perdu par un tableur ? « ${s(p.padded)} »).`,
  },
  'catalogue.communeNotCode': {
    en: (p) => {
      const matches = list(p.matches);
      const hint = matches.length > 0 ? ` "${s(p.value)}" is ${matches.join(' or ')}.` : '';
      return `Commune must be a 5-character INSEE code, got "${s(p.value)}".${hint}`;
    },
    fr: (p) => {
      const matches = list(p.matches);
      const hint = matches.length > 0 ? ` Code de « ${s(p.value)} » : ${matches.join(' ou ')}.` : '';
      return `Commune « ${s(p.value)} » : un code INSEE à 5 caractères est attendu, pas un nom.${hint}`;
    },
  },
  'catalogue.unknownPrecision': {
    en: (p) => `Unknown precision "${s(p.value)}"; expected address, commune, none or empty.`,
    fr: (p) => `Précision « ${s(p.value)} » inconnue ; valeurs possibles : address, commune, none ou vide.`,
  },
  'catalogue.outsideRegion': {
    en: (p) => `Point (lon ${s(p.lon)}, lat ${s(p.lat)}) is outside ${s(p.region)}.${on(p.swapped) ? ' lon and lat look swapped.' : ''}`,
    fr: (p) =>
      `Point (lon ${s(p.lon)}, lat ${s(p.lat)}) hors de la région ${s(p.regionFr)}.${on(p.swapped) ? ' Longitude et latitude semblent inversées.' : ''}`,
  },
  'catalogue.farFromCommune': {
    en: (p) => `Point is ${s(p.km)} km from ${s(p.commune)} (${s(p.code)}): check the coordinates or the commune.`,
    fr: (p) => `Point situé à ${s(p.km)} km de ${s(p.commune)} (${s(p.code)}) : vérifiez les coordonnées ou la commune.`,
  },
  'catalogue.communePrecisionWithPoint': {
    en: () => 'Precision "commune" with lon/lat: use "address" for coordinates of the site, or remove lon/lat to place it at the commune.',
    fr: () => 'Précision « commune » avec lon/lat : mettez « address » si ce sont les coordonnées du lieu, ou retirez lon/lat pour la placer à sa commune.',
  },
  'catalogue.nonePrecisionWithPoint': {
    en: () => 'Precision "none" with lon/lat: remove lon/lat or use "address".',
    fr: () => 'Précision « none » avec lon/lat : retirez lon/lat ou mettez « address ».',
  },
  'catalogue.addressPrecisionNeedsPoint': {
    en: () => 'Precision "address" needs lon and lat.',
    fr: () => 'La précision « address » demande lon et lat.',
  },
  'catalogue.communePrecisionNeedsCommune': {
    en: () => 'Precision "commune" needs a commune.',
    fr: () => 'La précision « commune » demande une commune.',
  },
  'catalogue.nonePrecisionWithCommune': {
    en: () => 'Precision "none" with a commune: the structure is listed but not placed on the map.',
    fr: () => 'Précision « none » avec une commune : la structure est listée mais pas placée sur la carte.',
  },
  'catalogue.communeWithoutPoint': {
    en: (p) => `Commune ${s(p.code)} has no representative point: the structure is not placed.`,
    fr: (p) => `La commune ${s(p.code)} n’a pas de point représentatif : la structure n’est pas placée.`,
  },
  'catalogue.badWebsite': {
    en: (p) => `Website "${s(p.value)}" is not an http(s) URL.`,
    fr: (p) => `Site web « ${s(p.value)} » : ce n’est pas une adresse http(s).`,
  },
  'catalogue.badEmail': {
    en: (p) => `E-mail "${s(p.value)}" is not an e-mail address.`,
    fr: (p) => `Courriel « ${s(p.value)} » : ce n’est pas une adresse électronique.`,
  },
  'catalogue.badPhone': {
    en: (p) => `Phone "${s(p.value)}" should hold digits, spaces, dots, hyphens and an optional leading +.`,
    fr: (p) => `Téléphone « ${s(p.value)} » : seuls des chiffres, espaces, points, tirets et un + initial sont admis.`,
  },
  'catalogue.missingSource': {
    en: () => 'Missing source: every row needs at least one public URL stating its facts.',
    fr: () => 'Source manquante : chaque ligne a besoin d’au moins une adresse web publique qui atteste ses informations.',
  },
  'catalogue.badSource': {
    en: (p) => `Source must be public http(s) URLs separated by " | "; not a URL: ${quotedEn(list(p.values))}.`,
    fr: (p) => `La source doit être une ou des adresses http(s) publiques séparées par « | » ; pas une adresse : ${quotedFr(list(p.values))}.`,
  },
  'catalogue.missingUpdated': {
    en: () => 'Missing date of last check (updated, YYYY-MM-DD).',
    fr: () => 'Date de dernière vérification manquante (updated, AAAA-MM-JJ).',
  },
  'catalogue.badDate': {
    en: (p) => `Date "${s(p.value)}" is not a valid YYYY-MM-DD date.`,
    fr: (p) => `Date « ${s(p.value)} » invalide : format AAAA-MM-JJ attendu.`,
  },
  'catalogue.missingStatus': {
    en: () => 'Missing status (verified, to_check or closed).',
    fr: () => 'Statut manquant (verified, to_check ou closed).',
  },
  'catalogue.unknownStatus': {
    en: (p) => `Unknown status "${s(p.value)}"; expected verified, to_check or closed.`,
    fr: (p) => `Statut « ${s(p.value)} » inconnu ; valeurs possibles : verified, to_check ou closed.`,
  },
  'catalogue.badSourceDate': {
    en: (p) => `Source date "${s(p.value)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD); leave it empty when the source is undated.`,
    fr: (p) => `Date de source « ${s(p.value)} » invalide (AAAA, AAAA-MM ou AAAA-MM-JJ) ; laisser vide quand la source n’est pas datée.`,
  },
  'catalogue.unknownDepartement': {
    en: (p) => `Unknown département "${s(p.value)}"; expected one of ${s(p.region)} (${list(p.depts).join(', ')}).`,
    fr: (p) => `Département « ${s(p.value)} » inconnu ; valeurs possibles pour la région ${s(p.regionFr)} : ${list(p.depts).join(', ')}.`,
  },
  'catalogue.departementMismatch': {
    en: (p) => `Département "${s(p.value)}" does not match the commune ${s(p.code)}, in département ${s(p.dept)}.`,
    fr: (p) => `Le département « ${s(p.value)} » ne correspond pas à la commune ${s(p.code)}, qui est dans le ${s(p.dept)}.`,
  },
  'catalogue.unknownZone': {
    en: (p) =>
      `Unknown zone code "${s(p.value)}"${p.padded ? ` (did you mean "${s(p.padded)}"?)` : ''}; expected département codes of ${s(p.region)} (${list(p.depts).join(', ')}) or "region".`,
    fr: (p) =>
      `Territoire « ${s(p.value)} » inconnu${p.padded ? ` (vouliez-vous dire « ${s(p.padded)} » ?)` : ''} ; valeurs possibles : codes de département de la région ${s(p.regionFr)} (${list(p.depts).join(', ')}) ou « region ».`,
  },
  // --- correction.ts: a referent's form ---
  'catalogue.communeUnknownName': {
    en: (p) => `No current commune of ${s(p.region)} is named "${s(p.value)}": give its name as written by INSEE or its 5-character code.`,
    fr: (p) =>
      `Aucune commune actuelle de la région ${s(p.regionFr)} ne s’appelle « ${s(p.value)} » : donnez son nom officiel ou son code INSEE à 5 caractères.`,
  },
  'catalogue.communeAmbiguousName': {
    en: (p) => `Several communes are named "${s(p.value)}" (${s(p.matches)}): give the INSEE code, the postcode or the département.`,
    fr: (p) => `Plusieurs communes s’appellent « ${s(p.value)} » (${s(p.matches)}) : donnez le code INSEE, le code postal ou le département.`,
  },
  'catalogue.missingQuote': {
    en: () => 'Missing quote: copy the exact words of the source that state the facts (rows checked since 2026-12-01 need one).',
    fr: () =>
      'Citation manquante : recopiez les mots exacts de la source qui établissent les faits (obligatoire pour toute ligne vérifiée depuis le 2026-12-01).',
  },
  // --- validate.ts: coordinates ---
  'catalogue.halfCoordinates': {
    en: () => 'Give both lon and lat, or neither.',
    fr: () => 'Donnez lon et lat, ou aucune des deux.',
  },
  'catalogue.notDecimal': {
    en: (p) => `${s(p.axis)} "${s(p.value)}" is not a decimal number${on(p.comma) ? ' (use a dot as decimal separator)' : ''}.`,
    fr: (p) => `${s(p.axis)} « ${s(p.value)} » n’est pas un nombre décimal${on(p.comma) ? ' (le séparateur décimal doit être un point)' : ''}.`,
  },
  'catalogue.lonOutOfRange': {
    en: (p) => `lon ${s(p.value)} is out of range (-180 to 180).`,
    fr: (p) => `lon ${s(p.value)} hors limites (de -180 à 180).`,
  },
  'catalogue.latOutOfRange': {
    en: (p) => `lat ${s(p.value)} is out of range (-90 to 90).${on(p.swapped) ? ' lon and lat look swapped.' : ''}`,
    fr: (p) => `lat ${s(p.value)} hors limites (de -90 à 90).${on(p.swapped) ? ' Longitude et latitude semblent inversées.' : ''}`,
  },
  // --- parse.ts: the CSV's shape ---
  'catalogue.emptyFile': {
    en: () => 'Empty file: a header row is expected.',
    fr: () => 'Fichier vide : une ligne d’en-tête est attendue.',
  },
  'catalogue.missingFields': {
    en: (p) => `Row has ${s(p.n)} fields, the header has ${s(p.m)}: row ignored (missing separator or unquoted line break?).`,
    fr: (p) => `La ligne a ${s(p.n)} valeurs, l’en-tête ${s(p.m)} colonnes : ligne ignorée (séparateur manquant ou retour à la ligne hors guillemets ?).`,
  },
  'catalogue.extraFields': {
    en: (p) => `Row has ${s(p.n)} fields, the header has ${s(p.m)}: row ignored (a value containing "," must be quoted).`,
    fr: (p) => `La ligne a ${s(p.n)} valeurs, l’en-tête ${s(p.m)} colonnes : ligne ignorée (une valeur contenant « , » doit être entre guillemets).`,
  },
  'catalogue.emptyExtraFields': {
    en: (p) => `Row ends with ${s(p.n)} empty extra field(s): ignored.`,
    fr: (p) => `La ligne se termine par ${s(p.n)} valeur(s) vide(s) en trop : ignorée(s).`,
  },
  'catalogue.noHeader': {
    en: () => 'No header row found.',
    fr: () => 'Aucune ligne d’en-tête trouvée.',
  },
  'catalogue.duplicateColumn': {
    en: (p) => `Column "${s(p.column)}" appears twice in the header.`,
    fr: (p) => `La colonne « ${s(p.column)} » figure deux fois dans l’en-tête.`,
  },
  'catalogue.missingColumns': {
    en: (p) => `Missing required column(s): ${list(p.columns).join(', ')}. Expected header: ${s(p.header)}.`,
    fr: (p) => `Colonne(s) obligatoire(s) absente(s) : ${list(p.columns).join(', ')}. En-tête attendu : ${s(p.header)}.`,
  },
  'catalogue.absentColumns': {
    en: (p) => `Column(s) absent, read as empty: ${list(p.columns).join(', ')}.`,
    fr: (p) => `Colonne(s) absente(s), lue(s) comme vide(s) : ${list(p.columns).join(', ')}.`,
  },
  'catalogue.unknownColumns': {
    // An unnamed column travels as its position (a number as text) in `positions`.
    en: (p) => `Unknown column(s) ignored: ${[...list(p.columns), ...list(p.positions).map((i) => `(empty, position ${i})`)].join(', ')}.`,
    fr: (p) => `Colonne(s) inconnue(s) ignorée(s) : ${[...list(p.columns), ...list(p.positions).map((i) => `(sans nom, position ${i})`)].join(', ')}.`,
  },
  // --- partner-structures.ts: a partner's GeoJSON ---
} satisfies Record<string, Texts>;

export type CatalogueCode = keyof typeof CATALOGUE_MESSAGES;

export function isCatalogueCode(code: string | undefined): code is CatalogueCode {
  return code !== undefined && Object.prototype.hasOwnProperty.call(CATALOGUE_MESSAGES, code);
}

/** The text of a code in a language. */
export function catalogueText(code: CatalogueCode, params: MessageParams, lang: Lang): string {
  return CATALOGUE_MESSAGES[code][lang](params);
}

/** An issue with its code and params; `message` is the English text. */
export function catalogueIssue(
  severity: Issue['severity'],
  code: CatalogueCode,
  params: MessageParams = {},
  where: { line?: number; field?: string } = {},
): Issue {
  const out: Issue = { severity, message: catalogueText(code, params, 'en'), code, params };
  if (where.line !== undefined) out.line = where.line;
  if (where.field !== undefined) out.field = where.field;
  return out;
}

/** An issue in the given language when its code is known, else its (English) message as is. */
export function issueMessage(issue: Issue, lang: Lang): string {
  return isCatalogueCode(issue.code) ? catalogueText(issue.code, issue.params ?? {}, lang) : issue.message;
}
