import { describe, expect, it } from 'vitest';
import { extractPdfText, loadPdfJs } from './pdf-text.js';

// pdf.js's legacy build replaces these with slower JavaScript polyfills; the loader puts the engine's own back.
const isNative = (fn: (...args: never[]) => unknown) => Function.prototype.toString.call(fn).includes('[native code]');

describe('pdf.js loading', () => {
  it('leaves JSON and Array.prototype.push native after pdf.js is loaded and has read a PDF', async () => {
    await loadPdfJs();
    const minimal = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await extractPdfText(minimal).catch(() => '');
    expect(isNative(JSON.parse)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(JSON.parse(JSON.stringify({ tên: 'Lò Thị Thanh', n: [1, 2] }))).toEqual({ tên: 'Lò Thị Thanh', n: [1, 2] });
  });
});
