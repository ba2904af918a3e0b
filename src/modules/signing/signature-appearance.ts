import * as fontkit from 'fontkit';
import { FONT, getFontFiles } from '../../platform/pdf/fonts.js';

const FONT_SIZE = 9;
const LINE_HEIGHT = 12;
const PADDING = 5;
const MIN_WIDTH = 160;
// Dark blue, the usual colour of a signature stamp.
const INK = '0.05 0.2 0.55';

let fonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined;
function getFonts() {
  if (!fonts) {
    const files = getFontFiles();
    fonts = { regular: fontkit.create(files.get(FONT.regular)!), bold: fontkit.create(files.get(FONT.bold)!) };
  }
  return fonts;
}

const n = (value: number) => (Math.round(value * 100) / 100).toString();

/**
 * Text drawn as filled glyph outlines (DejaVu Serif through fontkit): the appearance stream needs no embedded
 * font, so it can be added to an already signed file in a small incremental update, and every Vietnamese
 * letter (ắ, ộ, ừ …) is drawn exactly as the font shapes it.
 */
function textPath(font: fontkit.Font, text: string, x: number, y: number, size: number): { ops: string; width: number } {
  const scale = size / font.unitsPerEm;
  const run = font.layout(text.normalize('NFC'));
  const ops: string[] = [];
  let penX = 0;
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    const ox = x + (penX + position.xOffset) * scale;
    const oy = y + position.yOffset * scale;
    const at = (px: number, py: number) => [ox + px * scale, oy + py * scale] as const;
    let current: readonly [number, number] = [ox, oy];
    for (const { command, args } of glyph.path.commands) {
      if (command === 'moveTo') {
        current = at(args[0]!, args[1]!);
        ops.push(`${n(current[0])} ${n(current[1])} m`);
      } else if (command === 'lineTo') {
        current = at(args[0]!, args[1]!);
        ops.push(`${n(current[0])} ${n(current[1])} l`);
      } else if (command === 'bezierCurveTo') {
        const [a, b, c] = [at(args[0]!, args[1]!), at(args[2]!, args[3]!), at(args[4]!, args[5]!)];
        ops.push(`${n(a[0])} ${n(a[1])} ${n(b[0])} ${n(b[1])} ${n(c[0])} ${n(c[1])} c`);
        current = c;
      } else if (command === 'quadraticCurveTo') {
        // A quadratic Bézier is the cubic with control points two thirds of the way towards its one control point.
        const q = at(args[0]!, args[1]!);
        const end = at(args[2]!, args[3]!);
        const c1 = [current[0] + (2 / 3) * (q[0] - current[0]), current[1] + (2 / 3) * (q[1] - current[1])];
        const c2 = [end[0] + (2 / 3) * (q[0] - end[0]), end[1] + (2 / 3) * (q[1] - end[1])];
        ops.push(`${n(c1[0]!)} ${n(c1[1]!)} ${n(c2[0]!)} ${n(c2[1]!)} ${n(end[0])} ${n(end[1])} c`);
        current = end;
      } else {
        ops.push('h');
      }
    }
    penX += position.xAdvance;
  });
  if (ops.length > 0) ops.push('f');
  return { ops: ops.join('\n'), width: penX * scale };
}

export interface Appearance {
  width: number;
  height: number;
  /** Content stream of the form XObject, in its own coordinates (0,0 bottom left). */
  content: string;
}

/** The visible signature block: a framed box with the lines, the first one in bold (the signer's name). */
export function signatureAppearance(lines: string[]): Appearance {
  const { regular, bold } = getFonts();
  const height = PADDING * 2 + lines.length * LINE_HEIGHT;
  const drawn = lines.map((line, i) => textPath(i === 0 ? bold : regular, line, PADDING, height - PADDING - (i + 1) * LINE_HEIGHT + 3, FONT_SIZE));
  const width = Math.max(MIN_WIDTH, ...drawn.map((d) => d.width + PADDING * 2));
  const content = [`q ${INK} rg ${INK} RG 0.8 w`, `0.4 0.4 ${n(width - 0.8)} ${n(height - 0.8)} re S`, ...drawn.map((d) => d.ops), 'Q'].join('\n');
  return { width, height, content };
}
