import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../platform/errors/app-error.js';

const OID_COMMON_NAME = '2.5.4.3';
const OID_ORGANISATION = '2.5.4.10';
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** What the trust list, the credentials and the verification report show of a certificate. */
export interface CertificateInfo {
  commonName: string;
  organisation: string | null;
  subject: string;
  issuer: string;
  /** Hex, upper case. */
  serial: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
}

function attributeValue(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  return found ? String(found.value.valueBlock.value) : null;
}

/** "CN=…, O=…, C=VN" from the name's attributes, in certificate order. */
export function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues.map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(', ');
}

export function commonNameOf(name: pkijs.RelativeDistinguishedNames): string | null {
  return attributeValue(name, OID_COMMON_NAME);
}

export function describeCertificate(certificate: pkijs.Certificate, der?: ArrayBuffer | Uint8Array): CertificateInfo {
  const bytes = der ?? certificate.toSchema(true).toBER(false);
  return {
    commonName: attributeValue(certificate.subject, OID_COMMON_NAME) ?? distinguishedName(certificate.subject),
    organisation: attributeValue(certificate.subject, OID_ORGANISATION),
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serial: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    fingerprintSha256: createHash('sha256').update(new Uint8Array(bytes instanceof ArrayBuffer ? bytes : bytes)).digest('hex'),
  };
}

/** A DER certificate; throws SIGNING_NOT_CERTIFICATE when the bytes are not one. */
export function parseCertificateDer(der: Uint8Array): pkijs.Certificate {
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1) throw new Error('not BER');
    return new pkijs.Certificate({ schema: asn.result });
  } catch {
    throw new AppError('SIGNING_NOT_CERTIFICATE');
  }
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/;

/** The first certificate of a PEM file, or the DER bytes as they are. */
export function certificateBytes(file: Buffer): Buffer {
  const pem = PEM_BLOCK.exec(file.toString('latin1'));
  return pem ? Buffer.from(pem[1].replace(/\s+/g, ''), 'base64') : file;
}
