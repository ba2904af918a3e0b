/** What other modules use of the signing service (contract: /work/notes/documents-api.md "Signing (H1)"). */
export type { PdfSigner, SignerIdentity, SignOptions } from './pdf-signer.js';
export { Pkcs12Signer } from './pkcs12-signer.js';
export { signPdf, type SignPdfOptions, type VisiblePlacement } from './sign-pdf.js';
export { verifyPdf, type SignatureReport } from './verify-pdf.js';
export { verifyPdfWithTrustList, loadTrustAnchors } from './trust-list.js';
export { resolveUserSigner, resolveSealSigner, hasUnitSeal, type CredentialChoice, type ResolvedSigner } from './resolve-signer.js';
export { openSecretBox, SecretBox } from './secret-box.js';
