/** One signature dictionary's signed region and its CMS, as found in the file's bytes. */
export interface SignatureField {
  /** [start1, length1, start2, length2]: the signed bytes are everything except the /Contents hex string. */
  byteRange: [number, number, number, number];
  /** The DER CMS (hex decoded; trailing zero padding left in, the BER parser stops at the structure's end). */
  contents: Buffer;
  coversWholeDocument: boolean;
}

const BYTE_RANGE_KEY = Buffer.from('/ByteRange');
const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
const TRAILING_WHITESPACE = /^[\s\0]*$/;

/**
 * Every signature field of a PDF in file order, found by its /ByteRange (ISO 32000-1 §12.8.1). The range is
 * checked against the file: it must start at 0 and exclude exactly the `<hex>` /Contents string. A range
 * that does not fit is no signature this verifier can vouch for and is left out.
 */
export function findSignatureFields(pdf: Buffer): SignatureField[] {
  const fields: SignatureField[] = [];
  const seen = new Set<string>();
  for (let at = pdf.indexOf(BYTE_RANGE_KEY); at !== -1; at = pdf.indexOf(BYTE_RANGE_KEY, at + BYTE_RANGE_KEY.length)) {
    const match = BYTE_RANGE.exec(pdf.toString('latin1', at, Math.min(pdf.length, at + 120)));
    if (!match) continue;
    const range = match.slice(1, 5).map(Number) as SignatureField['byteRange'];
    const [start1, length1, start2, length2] = range;
    const key = range.join(' ');
    if (seen.has(key)) continue;
    if (start1 !== 0 || start2 <= length1 + 1 || start2 + length2 > pdf.length) continue;
    if (pdf[length1] !== 0x3c /* < */ || pdf[start2 - 1] !== 0x3e /* > */) continue;
    seen.add(key);
    const hex = pdf.toString('latin1', length1 + 1, start2 - 1);
    if (!/^[0-9a-fA-F\s]*$/.test(hex)) continue;
    const end = start2 + length2;
    fields.push({
      byteRange: range,
      contents: Buffer.from(hex.replace(/\s+/g, ''), 'hex'),
      coversWholeDocument: end === pdf.length || TRAILING_WHITESPACE.test(pdf.toString('latin1', end)),
    });
  }
  return fields;
}
