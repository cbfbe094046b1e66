// Offering files to the user. Data never goes through innerHTML: a Blob behind a
// temporary object URL and a clicked link.

export const CSV_TYPE = 'text/csv;charset=utf-8';
export const GEOJSON_TYPE = 'application/geo+json';

export function downloadUrl(filename: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(filename, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Today's local date as YYYY-MM-DD, for file names. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
