import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Text beyond this many characters is not indexed: PostgreSQL caps a tsvector at 1 MB, and a search box needs less. */
export const MAX_CONTENT_CHARS = 200_000;

/**
 * The text of a PDF as a reader's copy-paste gives it, through pdf.js (Mozilla's reader, the legacy build that
 * runs in Node). A scan without a text layer gives an empty string; a broken file throws.
 */
export async function extractPdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const parts: string[] = [];
    let length = 0;
    for (let number = 1; number <= document.numPages && length < MAX_CONTENT_CHARS; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts.join(' ').normalize('NFC');
  } finally {
    await document.destroy();
  }
}
