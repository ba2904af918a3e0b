/** Who signs: read from the signing certificate, shown in the signature block and in reports. */
export interface SignerIdentity {
  /** Certificate subject common name (CN): the official's name or the organisation's. */
  name: string;
  /** Certificate subject organisation (O). */
  organisation: string | null;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
}

export interface SignOptions {
  /** Written into the CMS signing-time attribute. */
  signingTime: Date;
}

/**
 * A signing strategy (issue 4): the local PKCS#12 file now; a remote signing service or a USB-token bridge
 * later. `sign` receives the PDF bytes covered by the signature's byte range (the file without the
 * /Contents placeholder) and returns a detached CMS SignedData (DER) over them, SHA-256, with the signer's
 * certificate and chain embedded and a signing-time attribute.
 */
export interface PdfSigner {
  describe(): SignerIdentity;
  sign(pdf: Buffer, options: SignOptions): Promise<Buffer>;
}
