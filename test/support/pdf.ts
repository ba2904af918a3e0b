import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { loadPdfJs } from '../../src/modules/documents/search/pdf-text.js';

const run = promisify(execFile);

// jsqr is CommonJS with `exports.default`; Node's ESM loader hands the function over as the default
// import, while TypeScript (NodeNext) types it as the module object.
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default'];

/**
 * The text of each page as a reader's copy-paste would give it: pdf.js (Mozilla's PDF reader) decodes
 * the embedded fonts' ToUnicode maps, so a missing Vietnamese glyph mapping shows up as a wrong string.
 * Line breaks and runs of spaces become one space; NFC so "ộ" compares equal however it was typed.
 */
export async function extractPdfPages(pdf: Buffer): Promise<string[]> {
  // Through the platform's loader: importing pdf.js directly would slow JSON in every later file of the worker.
  const { getDocument } = await loadPdfJs();
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
      pages.push(text.normalize('NFC').replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

export async function extractPdfText(pdf: Buffer): Promise<string> {
  return (await extractPdfPages(pdf)).join(' ');
}

/** Rasterises one page with poppler's pdftoppm (Debian package poppler-utils) into a PNG file. */
export async function renderPdfPageToPng(pdf: Buffer, page: number, dpi: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cqs-pdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await writeFile(input, pdf);
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', input, path.join(dir, 'out')]);
    return await readFile(path.join(dir, 'out.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Decodes the QR code printed on a page the way a phone camera would: from pixels. */
export async function findQrCodeOnPage(pdf: Buffer, page: number): Promise<string | undefined> {
  const png = PNG.sync.read(await renderPdfPageToPng(pdf, page, 150));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return found?.data;
}
