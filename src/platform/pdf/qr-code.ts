import QRCode from 'qrcode';
import type { PdfDoc } from './document.js';

/**
 * Draws a QR code as vector squares, so it stays sharp at any print resolution and adds no image to
 * the file. Error correction M (15 %) survives a stamp or a fold on a paper slip.
 */
export function drawQrCode(doc: PdfDoc, payload: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  // A quiet zone of four modules around the symbol (ISO/IEC 18004) keeps scanners locked on.
  const quiet = 4;
  const module = size / (count + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) {
        doc.rect(x + (col + quiet) * module, y + (row + quiet) * module, module, module);
      }
    }
  }
  doc.fill();
  doc.restore();
}
