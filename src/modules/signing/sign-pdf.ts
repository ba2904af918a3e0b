import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { PDFDocument } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { AppError } from '../../platform/errors/app-error.js';
import { foldPreservingCase } from './ascii-text.js';
import type { PdfSigner } from './pdf-signer.js';
import { signatureAppearance } from './signature-appearance.js';
import { addWidgetAppearance } from './visible-signature.js';

/** Where a visible signature block goes: page from 1, x/y from the page's lower-left corner in points. */
export interface VisiblePlacement {
  page: number;
  x: number;
  y: number;
  /** Name, title/organisation, time; for the seal the "Số: … — ngày …" line. */
  lines: string[];
}

export interface SignPdfOptions {
  reason: string;
  location?: string;
  visible?: VisiblePlacement;
  /** Defaults to now; the CMS signing-time attribute and the signature dictionary's /M. */
  signingTime?: Date;
}

// Room for the CMS: a 4096-bit key and a chain of four certificates fit in 16 kB (hex doubles it in the file).
const SIGNATURE_BYTES = 16384;
// A PDF name: no spaces (a space would end the name and break the dictionary).
const APP_NAME = 'ChinhQuyenSo';

/**
 * placeholder-plain writes UTF-16 text strings through a UTF-8 conversion, which garbles every non-ASCII
 * letter; the dictionary's Reason/Name/Location are therefore written without diacritics (the signer's real
 * name is in the certificate, which verifiers show).
 */
const asciiText = (text: string) => foldPreservingCase(text).replace(/[^\x20-\x7e]/g, '?');

/**
 * placeholder-plain reads only classic cross-reference tables, while most PDF 1.5+ files (Word, LibreOffice, pdf-lib)
 * use cross-reference streams. A file not signed yet may be rewritten once with a classic table; a signed one may
 * not (a rewrite would move the bytes an earlier signature covers), so it is left as it is.
 */
export async function withClassicXref(pdf: Buffer): Promise<Buffer> {
  const text = pdf.toString('latin1');
  if (text.includes('/ByteRange') || !/\/Type\s*\/XRef\b/.test(text)) return pdf;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/** Bridges a PdfSigner strategy to @signpdf's Signer contract. */
class StrategySigner extends Signer {
  constructor(private readonly strategy: PdfSigner) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    return this.strategy.sign(pdf, { signingTime: signingTime ?? new Date() });
  }
}

/**
 * Signs a PDF as PAdES (CMS detached, SHA-256, adbe.pkcs7.detached). The placeholder is appended as an
 * incremental update (@signpdf/placeholder-plain), so a signature already in the file keeps covering its
 * bytes unchanged: signer first, then the organisation's seal (Decree 30/2020 art. 13).
 */
export async function signPdf(pdf: Buffer, signer: PdfSigner, options: SignPdfOptions): Promise<Buffer> {
  const { visible } = options;
  // placeholder-plain attaches the widget to the first page only; another page would need the page tree rewritten.
  if (visible && visible.page !== 1) throw new AppError('SIGNING_VISIBLE_UNSUPPORTED', { reason: 'khối chữ ký hiển thị chỉ đặt được trên trang 1 (only page 1 is supported)' });
  const appearance = visible ? signatureAppearance(visible.lines) : undefined;
  const signingTime = options.signingTime ?? new Date();
  const identity = signer.describe();
  let prepared: Buffer;
  try {
    prepared = plainAddPlaceholder({
      pdfBuffer: await withClassicXref(pdf),
      reason: asciiText(options.reason),
      contactInfo: '',
      name: asciiText(identity.name),
      location: asciiText(options.location ?? ''),
      signingTime,
      signatureLength: SIGNATURE_BYTES,
      subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
      appName: APP_NAME,
      ...(visible && appearance ? { widgetRect: [visible.x, visible.y, visible.x + appearance.width, visible.y + appearance.height] } : {}),
    });
    if (appearance) prepared = addWidgetAppearance(prepared, appearance);
  } catch (error) {
    throw new AppError('SIGNING_PDF_UNSUPPORTED', { reason: (error as Error).message.slice(0, 200) });
  }
  return new SignPdf().sign(prepared, new StrategySigner(signer), signingTime);
}
