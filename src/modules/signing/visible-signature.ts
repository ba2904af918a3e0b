import type { Appearance } from './signature-appearance.js';

const WIDGET = Buffer.from('/Subtype /Widget');

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let found: RegExpExecArray | undefined;
  for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) found = match as RegExpExecArray;
  return found;
}

/**
 * Gives the signature widget that @signpdf/placeholder-plain just appended an appearance (/AP /N, a form
 * XObject) — in one more incremental update before the file is signed, so the new signature covers it and
 * every earlier signature keeps covering its own bytes untouched (ISO 32000-1 §7.5.6, §12.7.4.5).
 */
export function addWidgetAppearance(placed: Buffer, appearance: Appearance): Buffer {
  const widgetAt = placed.lastIndexOf(WIDGET);
  const head = placed.toString('latin1', Math.max(0, widgetAt - 4000), widgetAt);
  const header = lastMatch(head, /(\d+) 0 obj\s*/);
  const tail = placed.toString('latin1', widgetAt);
  const endAt = tail.indexOf('endobj');
  const trailerText = placed.toString('latin1', placed.lastIndexOf('trailer'));
  const size = /\/Size (\d+)/.exec(trailerText)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailerText)?.[1];
  const info = /\/Info (\d+ \d+ R)/.exec(trailerText)?.[1];
  const previousXref = /startxref\s+(\d+)/.exec(trailerText)?.[1];
  if (widgetAt === -1 || !header || endAt === -1 || !size || !root || !previousXref) throw new Error('signature widget or trailer not found');

  const widgetNumber = Number(header[1]);
  const dictionary = (head.slice(header.index + header[0].length) + tail.slice(0, endAt)).trimEnd();
  const close = dictionary.lastIndexOf('>>');
  const xobjectNumber = Number(size);
  const widget = `${dictionary.slice(0, close)}/AP << /N ${xobjectNumber} 0 R >>\n>>`;
  const stream = Buffer.from(appearance.content, 'latin1');

  const chunks: Buffer[] = [placed];
  let length = placed.length;
  const offsets = new Map<number, number>();
  const append = (text: string | Buffer) => {
    const chunk = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    chunks.push(chunk);
    length += chunk.length;
  };
  append('\n');
  offsets.set(xobjectNumber, length);
  append(`${xobjectNumber} 0 obj\n<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${appearance.width.toFixed(2)} ${appearance.height.toFixed(2)}]\n/Resources << >>\n/Length ${stream.length}\n>>\nstream\n`);
  append(stream);
  append('\nendstream\nendobj\n');
  offsets.set(widgetNumber, length);
  append(`${widgetNumber} 0 obj\n${widget}\nendobj\n`);
  const xrefAt = length;
  // Each cross-reference entry is exactly 20 bytes: offset, generation, type, and a two-byte end of line.
  const entries = [...offsets.entries()].sort(([a], [b]) => a - b).map(([number, offset]) => `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`);
  append(
    `xref\n0 1\n0000000000 65535 f \n${entries.join('')}trailer\n<<\n/Size ${xobjectNumber + 1}\n/Root ${root}\n${info ? `/Info ${info}\n` : ''}/Prev ${previousXref}\n>>\nstartxref\n${xrefAt}\n%%EOF`,
  );
  return Buffer.concat(chunks);
}
