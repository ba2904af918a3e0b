/**
 * Digital signatures (issue 4) for a 1 MB PDF, in this one process (no HTTP, no database): how many PAdES
 * signatures per second the local PKCS#12 strategy makes (signPdf: placeholder as an incremental update, CMS
 * SHA-256 over the byte range, RSA-2048), and how many verifications per second verifyPdf does (integrity over
 * the byte range, CMS signature, chain through the intermediate to the trust anchor) — for one signature, and for
 * the signer + seal pair (two signatures per call). Goal (issue 4): ≥ 100 verifications/s per core.
 * Results: bench-results/signatures.json and .md.
 */
import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { createDocument, finishDocument, paragraph } from '../src/platform/pdf/index.js';
import { certificateBytes, parseCertificateDer } from '../src/modules/signing/certificate-info.js';
import { Pkcs12Signer } from '../src/modules/signing/pkcs12-signer.js';
import { signPdf } from '../src/modules/signing/sign-pdf.js';
import { verifyPdf } from '../src/modules/signing/verify-pdf.js';
import { getTestPki } from '../test/support/pki.js';
import { DURATION_S, machineLine, writeResults } from './support.js';

const TARGET_BYTES = 1_048_576;

/** A one-page A4 letter carrying a photo of noise: incompressible, so the file really weighs ~1 MB. */
async function oneMegabytePdf(): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(TARGET_BYTES / 3));
  const png = new PNG({ width: side, height: side, colorType: 2 });
  png.data = randomBytes(side * side * 4);
  const doc = createDocument({ title: 'Văn bản 1 MB để đo hiệu năng ký số' });
  paragraph(doc, 'Quyết định về việc ban hành quy chế sử dụng chữ ký số trong cơ quan nhà nước tỉnh Điện Biên.');
  doc.image(PNG.sync.write(png, { colorType: 2 }), { width: 300 });
  return finishDocument(doc);
}

interface Rate {
  operations: number;
  seconds: number;
  perSecond: number;
  meanMs: number;
  /** Operations per second of this process's CPU time (user + system): the per-core rate, whatever else ran. */
  perCpuSecond: number;
}

async function rate(run: () => Promise<unknown>): Promise<Rate> {
  // Warm-up: the JIT and the caches (certificate keys, path validation) reach their steady state.
  for (let i = 0; i < 20; i++) await run();
  let operations = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(DURATION_S * 1e9);
  while (process.hrtime.bigint() < deadline) {
    await run();
    operations += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    operations,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Number((operations / seconds).toFixed(1)),
    meanMs: Number(((seconds * 1000) / operations).toFixed(2)),
    perCpuSecond: Number((operations / cpuSeconds).toFixed(1)),
  };
}

export async function benchSignatures(): Promise<void> {
  const pki = getTestPki();
  const anchors = [parseCertificateDer(certificateBytes(Buffer.from(pki.root.certificatePem)))];
  const signer = Pkcs12Signer.load(pki.signer.p12, pki.signer.passphrase);
  const seal = Pkcs12Signer.load(pki.seal.p12, pki.seal.passphrase);
  const pdf = await oneMegabytePdf();
  const signed = await signPdf(pdf, signer, { reason: 'Ký ban hành' });
  const both = await signPdf(signed, seal, { reason: 'Đóng dấu' });
  const check = await verifyPdf(both, anchors);
  if (check.length !== 2 || !check.every((r) => r.intact && r.trusted && r.certificateValid)) throw new Error(`bench PDF does not verify: ${JSON.stringify(check)}`);

  console.log(`signatures: ${(pdf.length / 1_048_576).toFixed(2)} MB PDF, ${DURATION_S} s per scenario`);
  const signing = await rate(() => signPdf(pdf, signer, { reason: 'Ký ban hành' }));
  const sealing = await rate(() => signPdf(signed, seal, { reason: 'Đóng dấu' }));
  const verifyOne = await rate(() => verifyPdf(signed, anchors));
  const verifyTwo = await rate(() => verifyPdf(both, anchors));
  const json = { machine: machineLine(), pdfBytes: pdf.length, durationSeconds: DURATION_S, signing, sealing, verifyOne, verifyTwo, goalVerificationsPerSecond: 100 };
  const line = (name: string, r: Rate) => `| ${name} | ${r.perSecond} | ${r.perCpuSecond} | ${r.meanMs} | ${r.operations} |`;
  const markdown = [
    `## Signatures — ${(pdf.length / 1_048_576).toFixed(2)} MB PDF, one process`,
    '',
    machineLine(),
    '',
    '| operation | per second (wall) | per CPU second | mean ms (wall) | operations |',
    '|---|---:|---:|---:|---:|',
    line('sign (first signature, RSA-2048, incremental placeholder)', signing),
    line('seal (second signature on the signed file)', sealing),
    line('verify a file with one signature', verifyOne),
    line('verify a file with two signatures (signer + seal)', verifyTwo),
    '',
    // Other work on a shared machine stretches wall time; CPU time of this process is the per-core figure.
    `Goal: ≥ 100 verifications/s per core — ${verifyOne.perCpuSecond >= 100 ? 'met' : 'not met'} (${verifyOne.perCpuSecond} per CPU second for one signature, ${verifyOne.perSecond}/s wall clock).`,
  ].join('\n');
  writeResults('signatures', json, markdown);
}
