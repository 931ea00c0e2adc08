/** A signature field as the file has it: the bytes it claims to cover and the CMS it carries. */
export interface SignatureField {
  byteRange: [number, number, number, number];
  /** The CMS (DER), without the zero padding that fills the rest of the placeholder. */
  cms: Buffer;
  subFilter?: string;
  /** What is wrong with the field itself, before any cryptography. */
  problem?: string;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Every filled-in signature field of a PDF, in file order. */
export function signatureFields(pdf: Buffer): SignatureField[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(BYTE_RANGE)].map((match) => {
    const byteRange = match.slice(1, 5).map(Number) as SignatureField['byteRange'];
    const near = text.slice(Math.max(0, match.index - 600), match.index);
    const subFilter = /\/SubFilter\s*\/([^\s/<>[\]]+)(?![\s\S]*\/SubFilter)/.exec(near)?.[1];
    const [start, firstLength, second] = byteRange;
    const framed = start === 0 && firstLength > 0 && second > firstLength + 1 && second <= pdf.length && text[firstLength] === '<' && text[second - 1] === '>';
    const hex = framed ? text.slice(firstLength + 1, second - 1) : '';
    if (!framed || !/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) {
      return { byteRange, cms: Buffer.alloc(0), ...(subFilter && { subFilter }), problem: 'its byte range does not frame a hexadecimal signature value' };
    }
    return { byteRange, cms: withoutPadding(Buffer.from(hex, 'hex')), ...(subFilter && { subFilter }) };
  });
}

/** The bytes a signature covers: the file before and after the signature value. */
export function signedBytes(pdf: Buffer, [start, firstLength, second, secondLength]: SignatureField['byteRange']): Buffer[] {
  return [pdf.subarray(start, start + firstLength), pdf.subarray(second, second + secondLength)];
}

/** A DER value's own length tells where it ends; the placeholder's zeros come after. */
function withoutPadding(der: Buffer): Buffer {
  if (der.length < 2) return der;
  const first = der[1]!;
  if (first < 0x80) return der.subarray(0, 2 + first);
  const lengthBytes = first & 0x7f;
  let length = 0;
  for (let index = 0; index < lengthBytes; index++) length = length * 256 + (der[2 + index] ?? 0);
  return der.subarray(0, Math.min(der.length, 2 + lengthBytes + length));
}
