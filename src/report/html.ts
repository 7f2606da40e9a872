/**
 * HTML escaping for the report. Every piece of document-derived text (names, sentences, titles,
 * ids, URLs) is untrusted and goes through `esc`; attribute values are always double-quoted.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a double-quoted attribute value, escaped. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]!);
}

/** A URL that may go in an `href`: only http(s), else null (no `javascript:`, no `data:`). */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return /^https?:\/\/[^\s]+$/i.test(v) ? v : null;
}

/** A fragment id made from arbitrary text: stable, and only characters safe in ids and URLs. */
export function anchorId(prefix: string, key: string): string {
  let out = '';
  for (const ch of key) out += /[A-Za-z0-9_-]/.test(ch) ? ch : `.${ch.codePointAt(0)!.toString(36)}`;
  return `${prefix}-${out}`;
}
