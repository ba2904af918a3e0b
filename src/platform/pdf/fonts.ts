import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Fonts embedded in every PDF. The 14 standard PDF fonts only cover Latin-1, so Vietnamese letters
 * (ắ, ộ, ừ …) need an embedded TrueType font; DejaVu ships through npm (`dejavu-fonts-ttf`) and covers
 * the whole Vietnamese alphabet. Serif, because administrative documents are set in a serif face
 * (Decree 30/2020 appendix I names Times New Roman, which cannot be shipped).
 */
export const FONT = {
  regular: 'serif',
  bold: 'serif-bold',
  italic: 'serif-italic',
  boldItalic: 'serif-bold-italic',
  /** Narrower face for dense tables (control sheet, register). */
  condensed: 'serif-condensed',
  condensedBold: 'serif-condensed-bold',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  [FONT.regular]: 'DejaVuSerif.ttf',
  [FONT.bold]: 'DejaVuSerif-Bold.ttf',
  [FONT.italic]: 'DejaVuSerif-Italic.ttf',
  [FONT.boldItalic]: 'DejaVuSerif-BoldItalic.ttf',
  [FONT.condensed]: 'DejaVuSerifCondensed.ttf',
  [FONT.condensedBold]: 'DejaVuSerifCondensed-Bold.ttf',
};

const require = createRequire(import.meta.url);
let cache: Map<FontName, Buffer> | undefined;

/** The font files, read once per process (they are ~700 kB each, pdfkit subsets what a document uses). */
export function getFontFiles(): ReadonlyMap<FontName, Buffer> {
  if (!cache) {
    const loaded = new Map<FontName, Buffer>();
    for (const [name, file] of Object.entries(FILES) as [FontName, string][]) {
      loaded.set(name, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    }
    cache = loaded;
  }
  return cache;
}
