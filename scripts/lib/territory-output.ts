// Writes output files and measures them as served: raw bytes and gzip size.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  bytes: number;
  gzip: number;
}

export function sizeOf(content: string | Uint8Array): FileSize {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // Level 6 is zlib's and most web servers' default.
  return { bytes: buf.length, gzip: gzipSync(buf, { level: 6 }).length };
}

export async function writeSized(dir: string, name: string, content: string): Promise<FileSize> {
  await writeFile(join(dir, name), content);
  return sizeOf(content);
}

export function kb(n: number): string {
  return `${(n / 1000).toFixed(1)} kB`;
}
