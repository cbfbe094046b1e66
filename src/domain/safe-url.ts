/**
 * A link target from data, or null when it is not a plain web address.
 * Rejects javascript:, data: and anything else a crafted row could smuggle in.
 */
export function safeHttpUrl(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function safeMailto(value: string): string | null {
  const text = value.trim();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(text) ? `mailto:${text}` : null;
}

export function safeTel(value: string): string | null {
  const digits = value.replace(/[\s.()-]/g, '');
  return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : null;
}

export function splitSources(source: string): string[] {
  return source
    .split(/\s+\|\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
