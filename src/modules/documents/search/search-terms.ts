import { foldVietnamese } from '../../../platform/text/fold.js';

/** At most this many words of a query are used: a pasted paragraph must not become a huge index query. */
const MAX_TERMS = 12;

/**
 * The folded words of a query, letters and digits only, the way both indexes split text: "Quyết định 12/QĐ-UBND"
 * → ["quyet", "dinh", "12", "qd", "ubnd"]. Safe to put inside an FTS5 MATCH or a tsquery (no operators left).
 */
export function searchTerms(query: string | undefined): string[] {
  const words = foldVietnamese(query ?? '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

const SNIPPET_RADIUS = 80;

/** A stretch of the folded text around the first word found, for showing why a document matched. */
export function snippetOf(texts: (string | null)[], terms: string[]): string | null {
  if (terms.length === 0) return null;
  for (const text of texts) {
    if (!text) continue;
    const at = Math.min(...terms.map((term) => text.indexOf(term)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) continue;
    const start = Math.max(0, at - SNIPPET_RADIUS);
    const end = Math.min(text.length, at + SNIPPET_RADIUS);
    return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  }
  return null;
}
