import type * as pkijs from 'pkijs';
import type { Executor } from '../../platform/database/database.js';
import type { Language } from '../../platform/i18n/language.js';
import { parseCertificateDer } from './certificate-info.js';
import { listActiveAnchorCertificates } from './signing.repository.js';
import { verifyPdf, type SignatureReport } from './verify-pdf.js';

// Parsed anchors by their base64 DER: the list changes rarely and parsing it on every verification would
// cost more than hashing a page of PDF.
const parsed = new Map<string, pkijs.Certificate>();

export async function loadTrustAnchors(db: Executor): Promise<pkijs.Certificate[]> {
  const encoded = await listActiveAnchorCertificates(db);
  return encoded.map((der) => {
    let certificate = parsed.get(der);
    if (!certificate) {
      certificate = parseCertificateDer(Buffer.from(der, 'base64'));
      if (parsed.size > 1000) parsed.clear();
      parsed.set(der, certificate);
    }
    return certificate;
  });
}

/** Verifies every signature of the PDF against the administrator's active trust list. */
export async function verifyPdfWithTrustList(db: Executor, pdf: Buffer, language: Language = 'vi'): Promise<SignatureReport[]> {
  return verifyPdf(pdf, await loadTrustAnchors(db), undefined, language);
}
