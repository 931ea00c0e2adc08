import forge from 'node-forge';

/** The parts of a distinguished name a person reads. */
export interface NameParts {
  commonName?: string;
  organisation?: string;
  email?: string;
  /** "Zoë Łukasik <zoe@example.com>, Acme Audit" */
  display: string;
}

const OIDS = { commonName: '2.5.4.3', organisation: '2.5.4.10', email: '1.2.840.113549.1.9.1' } as const;

/**
 * Subject and issuer of a DER certificate, read from its ASN.1 directly. Node's X509Certificate
 * prints UTF-8 names byte by byte ("ZoÃ«"), and forge reads RSA certificates only; a signer's
 * name must come out right whatever the key type, so the names are decoded here.
 */
export function certificateNames(der: Buffer): { subject: NameParts; issuer: NameParts } {
  const certificate = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  const tbs = (certificate.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  // The version is an explicit [0] that version 1 certificates leave out.
  const offset = tbs[0]!.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { issuer: nameParts(tbs[offset + 2]!), subject: nameParts(tbs[offset + 4]!) };
}

function nameParts(name: forge.asn1.Asn1): NameParts {
  const found: Partial<Record<keyof typeof OIDS, string>> = {};
  for (const set of name.value as forge.asn1.Asn1[]) {
    for (const pair of set.value as forge.asn1.Asn1[]) {
      const [oid, value] = pair.value as forge.asn1.Asn1[];
      const field = (Object.keys(OIDS) as (keyof typeof OIDS)[]).find((key) => OIDS[key] === forge.asn1.derToOid(oid!.value as string));
      if (field && value) found[field] = textOf(value);
    }
  }
  const person = [found.commonName, found.email && `<${found.email}>`].filter(Boolean).join(' ');
  return { ...found, display: [person, found.organisation].filter(Boolean).join(', ') || '(no name)' };
}

/** UTF8String holds UTF-8 bytes; forge has already turned a BMPString into text; the rest are ASCII. */
function textOf(value: forge.asn1.Asn1): string {
  const bytes = value.value as string;
  if (value.type !== forge.asn1.Type.UTF8) return bytes;
  try {
    return forge.util.decodeUtf8(bytes);
  } catch {
    return bytes;
  }
}
