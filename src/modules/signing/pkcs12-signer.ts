import { createHash, webcrypto } from 'node:crypto';
import forge from 'node-forge';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../platform/errors/app-error.js';
import { describeCertificate, parseCertificateDer, type CertificateInfo } from './certificate-info.js';
import type { PdfSigner, SignOptions, SignerIdentity } from './pdf-signer.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  signingTime: '1.2.840.113549.1.9.5',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

export interface LoadOptions {
  /** The moment the certificate must be valid at (now by default). */
  at?: Date;
}

/**
 * The local strategy: a PKCS#12 file (key + certificate + chain) and its passphrase. Loading checks the
 * passphrase, that the file holds a key with its certificate, and the certificate's validity period, so a
 * wrong file is refused when it is registered or uploaded rather than at the first signature.
 *
 * The CMS is built with pkijs and signed natively (WebCrypto), with the file parsed once: @signpdf/signer-p12
 * re-decrypts the file on every signature and its node-forge CMS double-encodes UTF-8 names in the signer
 * identifier ("Nguyễn…" in the issuer), which no validator then matches to the certificate.
 */
export class Pkcs12Signer implements PdfSigner {
  private constructor(
    private readonly content: Pkcs12Content,
    private readonly key: Promise<webcrypto.CryptoKey>,
  ) {}

  get certificate(): CertificateInfo {
    return this.content.info;
  }

  static load(p12: Buffer, passphrase: string, options: LoadOptions = {}): Pkcs12Signer {
    const content = readPkcs12(p12, passphrase);
    const { info } = content;
    const at = options.at ?? new Date();
    if (at < info.notBefore || at > info.notAfter) {
      throw new AppError('SIGNING_CERTIFICATE_EXPIRED', {
        notBefore: info.notBefore.toISOString().slice(0, 10),
        notAfter: info.notAfter.toISOString().slice(0, 10),
      });
    }
    const key = webcrypto.subtle.importKey('pkcs8', content.keyPkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    key.catch(() => undefined);
    return new Pkcs12Signer(content, key);
  }

  describe(): SignerIdentity {
    const { commonName, organisation, issuer, serial, notBefore, notAfter } = this.content.info;
    return { name: commonName, organisation, issuer, serial, notBefore, notAfter };
  }

  /** Detached CMS SignedData: SHA-256, the certificate and chain of the file, signing time, signing-certificate-v2. */
  async sign(pdf: Buffer, options: SignOptions): Promise<Buffer> {
    const { certificate, certificateDer, chain } = this.content;
    const attributes = [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(pdf) })] }),
      // RFC 5035 ESSCertIDv2 (hash algorithm SHA-256 by default, so omitted): binds the signature to this certificate.
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) })] })] })] })],
      }),
    ];
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        }),
      ],
      certificates: chain,
    });
    await signedData.sign(await this.key, 0, 'SHA-256');
    const cms = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) });
    return Buffer.from(cms.toSchema().toBER(false));
  }
}

const sha256 = (data: Uint8Array) => {
  const digest = createHash('sha256').update(data).digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
};

interface Pkcs12Content {
  info: CertificateInfo;
  certificate: pkijs.Certificate;
  certificateDer: Buffer;
  /** The signer's certificate first, then the rest of the file's certificates (the chain). */
  chain: pkijs.Certificate[];
  keyPkcs8: Buffer;
}

/** The certificate that matches the file's private key; refuses what is not a PKCS#12 or a wrong passphrase. */
export function readPkcs12Certificate(p12: Buffer, passphrase: string): CertificateInfo {
  return readPkcs12(p12, passphrase).info;
}

function readPkcs12(p12: Buffer, passphrase: string): Pkcs12Content {
  let asn: forge.asn1.Asn1;
  try {
    asn = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch {
    throw new AppError('SIGNING_NOT_PKCS12');
  }
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn, false, passphrase);
  } catch (error) {
    // forge reports a failed MAC (the passphrase keys the MAC) as "Invalid password?"; anything else is a bad file.
    if (/password|mac/i.test(String((error as Error).message))) throw new AppError('SIGNING_BAD_PASSPHRASE');
    throw new AppError('SIGNING_NOT_PKCS12');
  }
  const keyBags = [
    ...(store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(store.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  const certs = (store.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const own = key && certs.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.compareTo(key.n) === 0 && publicKey.e?.compareTo(key.e) === 0;
  });
  if (!own) throw new AppError('SIGNING_NOT_PKCS12');
  const toDer = (cert: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const certificateDer = toDer(own);
  const certificate = parseCertificateDer(certificateDer);
  const others = certs.filter((cert) => cert !== own).map((cert) => parseCertificateDer(toDer(cert)));
  const keyInfo = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key));
  return {
    info: describeCertificate(certificate, certificateDer),
    certificate,
    certificateDer,
    chain: [certificate, ...others],
    keyPkcs8: Buffer.from(forge.asn1.toDer(keyInfo).getBytes(), 'binary'),
  };
}
