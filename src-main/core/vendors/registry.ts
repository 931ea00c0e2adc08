import { ciscoAsaParser } from './cisco-asa/index';
import type { VendorParser } from './vendor-parser';

export type { VendorParser } from './vendor-parser';

/** Every vendor the product reads. Adding a vendor is adding its folder and one entry here. */
export const vendorParsers: readonly VendorParser[] = [ciscoAsaParser];

/** Below this, a guess would be a coin toss: the user is asked to say the vendor instead. */
export const DETECTION_THRESHOLD = 0.5;

export class VendorDetectionError extends Error {
  override name = 'VendorDetectionError';
}

export function vendorById(id: string): VendorParser | undefined {
  return vendorParsers.find((parser) => parser.id === id.toLowerCase());
}

export function knownVendorIds(): string[] {
  return vendorParsers.map((parser) => parser.id);
}

/** The most confident parser for a file, or an error naming the file when none is sure enough. */
export function detectVendor(text: string, fileName: string): VendorParser {
  let best: { parser: VendorParser; confidence: number } | undefined;
  for (const parser of vendorParsers) {
    const confidence = parser.detect(text, fileName);
    if (!best || confidence > best.confidence) best = { parser, confidence };
  }
  if (!best || best.confidence < DETECTION_THRESHOLD) {
    const hint = best ? ` (closest: ${best.parser.name}, ${Math.round(best.confidence * 100)}% sure)` : '';
    throw new VendorDetectionError(
      `${fileName}: cannot tell which firewall this file is from${hint}; give the vendor explicitly (one of: ${knownVendorIds().join(', ')})`,
    );
  }
  return best.parser;
}

/** The parser for a file: the vendor the user named, or the one detected from the content. */
export function parserFor(text: string, fileName: string, vendor?: string): VendorParser {
  if (vendor === undefined) return detectVendor(text, fileName);
  const parser = vendorById(vendor);
  if (!parser) throw new VendorDetectionError(`${fileName}: unknown vendor "${vendor}" (known: ${knownVendorIds().join(', ')})`);
  return parser;
}
