import { createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Language } from '../../platform/i18n/language.js';
import { describeCertificate, type CertificateInfo } from './certificate-info.js';
import { findSignatureFields, type SignatureField } from './signature-fields.js';
import { problemMessage, type SignatureProblem } from './signature-problems.js';

export interface SignatureReport {
  signerName: string | null;
  organisation: string | null;
  /** ISO-8601; from the CMS signing-time attribute. */
  signedAt: string | null;
  /** The signed bytes hash to the signed digest and the signature over it verifies with the certificate. */
  intact: boolean;
  /** False when bytes were appended after this signature (an incremental update, e.g. a later signature). */
  coversWholeDocument: boolean;
  /** The certificate chains (through the CMS's intermediates) to an active trust anchor. */
  trusted: boolean;
  /** The signing time lies within the certificate's validity period. */
  certificateValid: boolean;
  problems: string[];
  certificate: { subject: string; issuer: string; serial: string; notBefore: string; notAfter: string } | null;
}

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaPss: '1.2.840.113549.1.1.10',
};
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
// RSA PKCS#1 v1.5 and ECDSA: node:crypto verifies them given the digest name; the key type says which.
const SIGNATURE_ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1',
  '1.2.840.113549.1.1.5',
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.10045.2.1',
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
]);

export interface VerifyOptions {
  /** Judges certificates without a signing time (default now). */
  at?: Date;
  language?: Language;
}

/**
 * Verifies every signature of a PDF (issue 4): integrity over its byte range, the CMS signature, the
 * chain to the trust anchors (intermediates taken from the CMS) and the certificate's validity at signing time.
 * The signed bytes are hashed in place (two slices of the file, no copy), so a 1 MB file costs one SHA-256 pass.
 */
export async function verifyPdf(pdf: Buffer, trustAnchors: pkijs.Certificate[], at?: Date, language: Language = 'vi'): Promise<SignatureReport[]> {
  const reports: SignatureReport[] = [];
  for (const field of findSignatureFields(pdf)) reports.push(await verifyField(pdf, field, trustAnchors, { at, language }));
  return reports;
}

interface Findings {
  problems: { problem: SignatureProblem; params?: Record<string, string> }[];
}

async function verifyField(pdf: Buffer, field: SignatureField, anchors: pkijs.Certificate[], options: VerifyOptions): Promise<SignatureReport> {
  const language = options.language ?? 'vi';
  const findings: Findings = { problems: [] };
  const report = (partial: Partial<SignatureReport>): SignatureReport => ({
    signerName: null,
    organisation: null,
    signedAt: null,
    intact: false,
    coversWholeDocument: field.coversWholeDocument,
    trusted: false,
    certificateValid: false,
    certificate: null,
    ...partial,
    problems: findings.problems.map((p) => problemMessage(p.problem, language, p.params)),
  });

  const parsed = parseSignedData(field.contents);
  if (!parsed) {
    findings.problems.push({ problem: 'unreadable' });
    return report({});
  }
  const { signedData, signerInfo } = parsed;
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerCertificate = findSignerCertificate(signerInfo, certificates);
  const signingTime = readSigningTime(signerInfo);
  if (!signerCertificate) {
    findings.problems.push({ problem: 'certificateMissing' });
    return report({ signedAt: signingTime?.toISOString() ?? null });
  }
  const info = describeCertificate(signerCertificate);
  const intact = checkIntegrity(pdf, field, signerInfo, signerCertificate, findings);
  const trusted = await chainsToAnchor(signerCertificate, certificates, anchors, info);
  if (!trusted) findings.problems.push({ problem: 'untrusted' });
  if (!signingTime) findings.problems.push({ problem: 'noSigningTime' });
  const judgedAt = signingTime ?? options.at ?? new Date();
  const certificateValid = judgedAt >= info.notBefore && judgedAt <= info.notAfter;
  if (!certificateValid) {
    findings.problems.push({ problem: 'certificateNotValidAtSigning', params: { notBefore: day(info.notBefore), notAfter: day(info.notAfter) } });
  }
  return report({
    signerName: info.commonName,
    organisation: info.organisation,
    signedAt: signingTime?.toISOString() ?? null,
    intact,
    trusted,
    certificateValid,
    certificate: {
      subject: info.subject,
      issuer: info.issuer,
      serial: info.serial,
      notBefore: info.notBefore.toISOString(),
      notAfter: info.notAfter.toISOString(),
    },
  });
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function parseSignedData(der: Buffer): { signedData: pkijs.SignedData; signerInfo: pkijs.SignerInfo } | undefined {
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1) return undefined;
    const contentInfo = new pkijs.ContentInfo({ schema: asn.result });
    if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA) return undefined;
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const signerInfo = signedData.signerInfos[0];
    return signerInfo ? { signedData, signerInfo } : undefined;
  } catch {
    return undefined;
  }
}

function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid: unknown = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  return certificates[0];
}

function attribute(signerInfo: pkijs.SignerInfo, oid: string): unknown {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

function readSigningTime(signerInfo: pkijs.SignerInfo): Date | undefined {
  const value = attribute(signerInfo, OID.signingTime);
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate();
  return undefined;
}

function checkIntegrity(pdf: Buffer, field: SignatureField, signerInfo: pkijs.SignerInfo, certificate: pkijs.Certificate, findings: Findings): boolean {
  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  const signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId;
  if (!digestName || !SIGNATURE_ALGORITHMS.has(signatureAlgorithm)) {
    findings.problems.push({ problem: 'unsupportedAlgorithm', params: { algorithm: digestName ? signatureAlgorithm : signerInfo.digestAlgorithm.algorithmId } });
    return false;
  }
  const [start1, length1, start2, length2] = field.byteRange;
  const hash = createHash(digestName);
  hash.update(pdf.subarray(start1, start1 + length1));
  hash.update(pdf.subarray(start2, start2 + length2));
  const digest = hash.digest();
  const publicKey = publicKeyOf(certificate);
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  let valid: boolean;
  if (signerInfo.signedAttrs) {
    const signedDigest = attribute(signerInfo, OID.messageDigest);
    const matches = signedDigest instanceof asn1js.OctetString && Buffer.from(signedDigest.valueBlock.valueHexView).equals(digest);
    // RFC 5652 §5.4: the signature covers the DER of the attributes with the SET OF tag, not the [0] IMPLICIT tag.
    const signedAttributes = Buffer.from(signerInfo.signedAttrs.encodedValue);
    signedAttributes[0] = 0x31;
    valid = matches && safeVerify(digestName, signedAttributes, publicKey, signature);
  } else {
    valid = safeVerify(digestName, Buffer.concat([pdf.subarray(start1, start1 + length1), pdf.subarray(start2, start2 + length2)]), publicKey, signature);
  }
  if (!valid) findings.problems.push({ problem: 'modified' });
  return valid;
}

// Importing a key costs about as much as hashing the whole file; a certificate's key never changes.
const publicKeys = new Map<string, KeyObject>();
function publicKeyOf(certificate: pkijs.Certificate): KeyObject {
  const key = certificateKey(certificate);
  let publicKey = publicKeys.get(key);
  if (!publicKey) {
    publicKey = createPublicKey({ key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' });
    if (publicKeys.size >= CHAIN_CACHE_ENTRIES) publicKeys.clear();
    publicKeys.set(key, publicKey);
  }
  return publicKey;
}

function safeVerify(digest: string, data: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return cryptoVerify(digest, data, key, signature);
  } catch {
    return false;
  }
}

/**
 * RFC 5280 path validation by pkijs, judged at a moment inside the end certificate's validity: an expired
 * certificate is reported by `certificateValid`, so `trusted` only says whether the chain reaches an anchor.
 */
async function chainsToAnchor(certificate: pkijs.Certificate, cmsCertificates: pkijs.Certificate[], anchors: pkijs.Certificate[], info: CertificateInfo): Promise<boolean> {
  if (anchors.length === 0) return false;
  const checkDate = new Date(Math.min(Math.max(Date.now(), info.notBefore.getTime()), info.notAfter.getTime()));
  const key = [certificate, ...cmsCertificates].map(certificateKey).join(',') + '|' + anchors.map(certificateKey).join(',') + '|' + checkDate.toISOString().slice(0, 13);
  const cached = chainResults.get(key);
  if (cached && cached.until > Date.now()) return cached.trusted;
  const trusted = await validateChain(certificate, cmsCertificates, anchors, checkDate);
  if (chainResults.size >= CHAIN_CACHE_ENTRIES) chainResults.clear();
  chainResults.set(key, { trusted, until: Date.now() + CHAIN_CACHE_MS });
  return trusted;
}

/*
 * Path validation costs more than hashing a 1 MB file, and every copy of a document carries the same
 * certificates: its result is kept for a few minutes per (certificates of the CMS, trust list, hour judged at).
 * Certificates are identified by a hash of their signed part and signature, so a different certificate (or
 * one tampered with) never hits an entry of another.
 */
const CHAIN_CACHE_MS = 5 * 60_000;
const CHAIN_CACHE_ENTRIES = 2000;
const chainResults = new Map<string, { trusted: boolean; until: number }>();
const certificateKeys = new WeakMap<pkijs.Certificate, string>();

function certificateKey(certificate: pkijs.Certificate): string {
  let key = certificateKeys.get(certificate);
  if (!key) {
    key = createHash('sha256').update(certificate.tbsView).update(certificate.signatureValue.valueBlock.valueHexView).digest('base64');
    certificateKeys.set(certificate, key);
  }
  return key;
}

async function validateChain(certificate: pkijs.Certificate, cmsCertificates: pkijs.Certificate[], anchors: pkijs.Certificate[], checkDate: Date): Promise<boolean> {
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: anchors,
      // pkijs takes the end-entity certificate as the last one.
      certs: [...cmsCertificates.filter((c) => c !== certificate), certificate],
      checkDate,
    });
    const result = await engine.verify();
    return result.result;
  } catch {
    return false;
  }
}
