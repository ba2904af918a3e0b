import { issueCertificate, newKeyPair, type IssuedIdentity } from '../../src/modules/signing/demo-certificates.js';

/**
 * A throwaway PKI built at test time (issue 4: tests create their own CA, intermediate and signer
 * certificates): root CA → intermediate → signer and seal; an expired signer; a signer under an unrelated CA.
 */
export type TestIdentity = IssuedIdentity;

export interface TestPki {
  root: TestIdentity;
  intermediate: TestIdentity;
  signer: TestIdentity;
  seal: TestIdentity;
  expiredSigner: TestIdentity;
  /** Signed by a CA that is in no trust list. */
  untrustedSigner: TestIdentity;
  untrustedRoot: TestIdentity;
}

const DAY = 24 * 3600 * 1000;

let cached: TestPki | undefined;

/** The same PKI for the whole test process (keys take a few milliseconds each, certificates are reused). */
export function getTestPki(): TestPki {
  if (cached) return cached;
  // Key generation dominates (up to a second each on a shared machine); CAs and end entities get separate
  // keys so that a PKCS#12 file's key matches exactly one certificate of its chain.
  const caKey = newKeyPair();
  const intermediateKey = newKeyPair();
  const leafKey = newKeyPair();
  const root = issueCertificate({ commonName: 'CA Gốc Kiểm thử', organisation: 'Ban Cơ yếu Chính phủ (kiểm thử)', ca: true, notBefore: new Date(Date.now() - 1095 * DAY), notAfter: new Date(Date.now() + 3650 * DAY), keyPair: caKey });
  const intermediate = issueCertificate({ commonName: 'CA Trung gian Kiểm thử', organisation: 'Ban Cơ yếu Chính phủ (kiểm thử)', ca: true, issuer: root, notBefore: new Date(Date.now() - 1000 * DAY), notAfter: new Date(Date.now() + 1825 * DAY), keyPair: intermediateKey });
  const signer = issueCertificate({ commonName: 'Nguyễn Văn Lãnh', organisation: 'Sở Tư pháp tỉnh Điện Biên', ca: false, issuer: intermediate, keyPair: leafKey });
  const seal = issueCertificate({ commonName: 'Sở Tư pháp tỉnh Điện Biên', organisation: 'UBND tỉnh Điện Biên', ca: false, issuer: intermediate, keyPair: leafKey });
  const expiredSigner = issueCertificate({
    commonName: 'Trần Thị Hết Hạn',
    organisation: 'Sở Tư pháp tỉnh Điện Biên',
    ca: false,
    issuer: intermediate,
    notBefore: new Date(Date.now() - 730 * DAY),
    notAfter: new Date(Date.now() - 365 * DAY),
    keyPair: leafKey,
  });
  const untrustedRoot = issueCertificate({ commonName: 'CA Lạ', organisation: 'Tổ chức không tin cậy', ca: true, keyPair: intermediateKey });
  const untrustedSigner = issueCertificate({ commonName: 'Lê Văn Lạ', organisation: 'Tổ chức không tin cậy', ca: false, issuer: untrustedRoot, keyPair: leafKey });
  cached = {
    root: root.identity,
    intermediate: intermediate.identity,
    signer: signer.identity,
    seal: seal.identity,
    expiredSigner: expiredSigner.identity,
    untrustedSigner: untrustedSigner.identity,
    untrustedRoot: untrustedRoot.identity,
  };
  return cached;
}
