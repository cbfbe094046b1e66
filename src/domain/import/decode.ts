// Bytes → text, guessing the encoding French spreadsheets use.
import type { EncodingChoice } from './types';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  /** Whether a byte order mark was found (and removed). */
  bom: boolean;
  /** Bytes that were not valid in the chosen encoding, replaced by U+FFFD. */
  replaced: number;
}

/**
 * Decodes a file. With 'auto': a byte order mark decides (UTF-8, or UTF-16 from Excel's
 * "Unicode text"); else strict UTF-8 is tried, and Windows-1252 (what Excel saves as
 * "CSV (séparateur : point-virgule)" on Windows) is used when it fails. A UTF-8 file with
 * a few corrupted bytes stays UTF-8 (those bytes become U+FFFD) rather than turning every
 * accent into mojibake: Windows-1252 text hardly ever contains valid multi-byte sequences.
 *
 * @example decodeBytes(new Uint8Array([0x43, 0xe9])).encoding === 'windows-1252'
 */
export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice = 'auto'): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;

  if (choice === 'windows-1252') return { text: decodeWindows1252(body), encoding: 'windows-1252', bom, replaced: 0 };
  if (choice === 'utf-8' || bom) return lenientUtf8(body, bom);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom, replaced: 0 };
  } catch {
    const { valid, invalid } = countUtf8(body);
    if (valid > 0 && invalid * 10 <= valid) return lenientUtf8(body, bom);
    return { text: decodeWindows1252(body), encoding: 'windows-1252', bom, replaced: 0 };
  }
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (https://encoding.spec.whatwg.org/index-windows-1252.txt);
 * the other bytes are their own code points. Decoded by hand because Node 20's TextDecoder
 * reads "windows-1252" as ISO-8859-1 and loses œ, ’, € and the dashes.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return parts.join('');
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding).decode(bytes.subarray(2));
  return { text, encoding, bom: true, replaced: countReplacement(text) };
}

function lenientUtf8(body: Uint8Array, bom: boolean): Decoded {
  const text = new TextDecoder('utf-8').decode(body);
  return { text, encoding: 'utf-8', bom, replaced: countReplacement(text) };
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes (stray continuation or truncated lead bytes). */
function countUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}
