import { generateKeyPairSync, randomBytes, sign as cryptoSign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/**
 * Issues certificates and PKCS#12 files for the demo and for tests — never for production, where
 * certificates come from a licensed CA (Ban Cơ yếu Chính phủ for agencies, Decree 68/2024). RSA keys come
 * from node:crypto (fast, native); certificates and PKCS#12 files from node-forge.
 */
export interface IssuedIdentity {
  certificatePem: string;
  certificateDer: Buffer;
  /** PKCS#12 with the key, the certificate and its chain (without the root). */
  p12: Buffer;
  passphrase: string;
  commonName: string;
  organisation: string;
}

export interface Issued {
  identity: IssuedIdentity;
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  native: KeyObject;
  /** The CA that issued it; none for a root. */
  parent?: Issued;
}

const DAY = 24 * 3600 * 1000;
const utf8 = (shortName: string, value: string) => ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });

export interface KeyPair {
  key: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  native: KeyObject;
}

/** An RSA-2048 key pair (0.1–1 s on a busy machine: callers reuse one for several certificates). */
export function newKeyPair(): KeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  return { key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e), native: privateKey };
}

// forge's cert.sign, with the RSA operation done natively (forge's JavaScript RSA takes ~0.4 s per signature).
function signCertificate(cert: forge.pki.Certificate, issuerKey: KeyObject): void {
  cert.md = forge.md.sha256.create();
  cert.signatureOid = cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption;
  cert.tbsCertificate = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary');
  cert.signature = cryptoSign('sha256', tbs, issuerKey).toString('binary');
}

export interface IssueOptions {
  commonName: string;
  organisation: string;
  ca: boolean;
  notBefore?: Date;
  notAfter?: Date;
  issuer?: Issued;
  passphrase?: string;
  /** Reuse a key pair (tests and the demo) instead of generating one. */
  keyPair?: KeyPair;
}

/** One certificate (self-signed when no issuer) with its PKCS#12 (key, certificate, chain without the root). */
export function issueCertificate(options: IssueOptions): Issued {
  const { key, publicKey, native } = options.keyPair ?? newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY);
  const subject = [utf8('CN', options.commonName), utf8('O', options.organisation), { shortName: 'C', value: 'VN' }];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  cert.setExtensions(
    options.ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        ],
  );
  signCertificate(cert, options.issuer?.native ?? native);
  const passphrase = options.passphrase ?? `mat-khau-${randomBytes(4).toString('hex')}`;
  const chain = [cert];
  for (let up = options.issuer; up?.parent; up = up.parent) chain.push(up.cert);
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(key, chain, passphrase, { algorithm: '3des' });
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const identity: IssuedIdentity = {
    certificatePem: forge.pki.certificateToPem(cert),
    certificateDer: der,
    p12: Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'),
    passphrase,
    commonName: options.commonName,
    organisation: options.organisation,
  };
  return { identity, cert, key, native, parent: options.issuer };
}


