import type { Firewall } from '../model/index';

/** One vendor's reader: everything the rest of the product needs to know about a vendor's files. */
export interface VendorParser {
  /** Stable id used in site files and `--vendor`, e.g. "cisco-asa". */
  id: string;
  /** For people: "Cisco ASA / FTD (LINA)". */
  name: string;
  /** Confidence 0..1 that the text is this vendor's; the file name may hint (extension, naming). */
  detect(text: string, fileName: string): number;
  /** Never throws on content: what it cannot read becomes diagnostics on the result. */
  parse(text: string, fileName: string): Firewall;
}
