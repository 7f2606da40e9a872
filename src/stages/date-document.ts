import { inferPublishedFromText } from '../dates/infer-published.js';
import type { DocStage } from '../types.js';

export interface DateDocumentOptions {
  /** Published date for documents with none in metadata, file name or text. @default null */
  defaultPublished: string | null;
}

/**
 * Fills in the document's own date when its metadata and file name gave none: from the text
 * (a dated embed or dateline; a weekday named with a month-day pins the year), else from the
 * configuration. With none of them it stays null and relative dates are left unresolved.
 */
export function dateDocument(options: DateDocumentOptions): DocStage {
  const fallback = options.defaultPublished;
  return (doc) => {
    if (doc.published !== null) return doc;
    const inferred = inferPublishedFromText(doc.text);
    if (inferred !== null) return { ...doc, published: inferred.date, publishedSource: 'text' };
    if (fallback !== null) return { ...doc, published: fallback, publishedSource: 'config' };
    return doc;
  };
}
