import type { VendorParser } from '../vendor-parser';
import { detectAsa } from './detect';
import { ASA_VENDOR_ID, parseAsaConfig } from './parse';

export const ciscoAsaParser: VendorParser = {
  id: ASA_VENDOR_ID,
  name: 'Cisco ASA / FTD (LINA)',
  detect: (text) => detectAsa(text),
  parse: (text, fileName) => parseAsaConfig(text, fileName),
};

export { parseAsaConfig, detectAsa };
