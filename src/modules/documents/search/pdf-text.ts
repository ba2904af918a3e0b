type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfJs: Promise<PdfJs> | undefined;

/**
 * pdf.js's legacy build installs core-js polyfills that replace JSON.parse, JSON.stringify and Array.prototype.push
 * with JavaScript versions for the whole process (Node 20 lacks JSON.rawJSON): every request's JSON then ran about
 * 2.6 times slower (the filing profile showed them). It is loaded on first use, and the native three are put back
 * afterwards — pdf.js uses none of what the replacements add.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfJs ??= (async () => {
    const { parse, stringify } = JSON;
    const push = Array.prototype.push;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      JSON.parse = parse;
      JSON.stringify = stringify;
      Array.prototype.push = push;
    }
  })();
  return pdfJs;
}

/** Text beyond this many characters is not indexed: PostgreSQL caps a tsvector at 1 MB, and a search box needs less. */
export const MAX_CONTENT_CHARS = 200_000;

/**
 * The text of a PDF as a reader's copy-paste gives it, through pdf.js (Mozilla's reader, the legacy build that
 * runs in Node). A scan without a text layer gives an empty string; a broken file throws.
 */
export async function extractPdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await loadPdfJs();
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
