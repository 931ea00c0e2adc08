import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { certificateNames, type NameParts } from './certificate-names';

type Asn1 = forge.asn1.Asn1;

export interface CmsCheck {
  /** The digest of the covered bytes equals the one the signer signed. */
  digestMatches: boolean;
  /** The signed attributes verify with the signer certificate's public key. */
  signatureValid: boolean;
  digestAlgorithm: string;
  /** As the signer's clock gave it: a claim of the signer, not a timestamp authority's. */
  signingTime?: Date;
  signer?: SignerCertificate;
  /** Why the CMS could not be checked at all (not CMS, an algorithm not supported). */
  problem?: string;
}

export interface SignerCertificate {
  names: { subject: NameParts; issuer: NameParts };
  selfSigned: boolean;
  validFrom: Date;
  validTo: Date;
  fingerprint: string;
  /** Subjects of the certificates above it that the signature carries, signer's issuer first. */
  chain: string[];
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaPss: '1.2.840.113549.1.1.10',
} as const;

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

/**
 * Checks a detached CMS (PKCS#7) signature over the bytes a PDF signature covers, the way a
 * PDF reader does: the digest of those bytes against the signed messageDigest attribute,
 * then the signature over the signed attributes against the signer's public key. forge can
 * parse CMS but does not verify it, so the structure is walked here and Node's crypto does
 * the arithmetic (which also covers EC keys forge cannot read).
 */
export function checkCmsSignature(cms: Buffer, covered: readonly Buffer[]): CmsCheck {
  const failed = (problem: string, digestAlgorithm = ''): CmsCheck => ({ digestMatches: false, signatureValid: false, digestAlgorithm, problem });
  let signedData: Asn1[];
  try {
    const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(cms.toString('binary'))).value as Asn1[];
    if (oidOf(contentInfo[0]) !== OID.signedData) return failed('the signature is not CMS signed data');
    signedData = ((contentInfo[1]!.value as Asn1[])[0]!.value as Asn1[]);
  } catch (error) {
    return failed(`the signature value is not readable CMS (${(error as Error).message})`);
  }
  const certificates = certificatesOf(signedData);
  const signerInfo = ((signedData[signedData.length - 1]!.value as Asn1[])[0]?.value ?? []) as Asn1[];
  const digestOid = oidOf((signerInfo[2]?.value as Asn1[] | undefined)?.[0]);
  const digestAlgorithm = DIGESTS[digestOid ?? ''];
  if (!digestAlgorithm) return failed(`the signature uses a digest wfos-audit does not check (${digestOid ?? 'none'})`);
  const attributes = signerInfo[3]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? signerInfo[3] : undefined;
  const algorithmIndex = attributes ? 4 : 3;
  if (oidOf((signerInfo[algorithmIndex]?.value as Asn1[] | undefined)?.[0]) === OID.rsaPss) return failed('the signature uses RSASSA-PSS, which wfos-audit does not check', digestAlgorithm);
  const signature = Buffer.from((signerInfo[algorithmIndex + 1]?.value as string | undefined) ?? '', 'binary');

  const hash = createHash(digestAlgorithm);
  for (const part of covered) hash.update(part);
  const digest = hash.digest();
  const values = attributes ? attributeValues(attributes) : new Map<string, Asn1>();
  const messageDigest = values.get(OID.messageDigest);
  const digestMatches = attributes ? messageDigest !== undefined && Buffer.from(messageDigest.value as string, 'binary').equals(digest) : true;
  // With signed attributes the signature is over their DER as a SET; without, over the content.
  const signedOver = attributes ? Buffer.from(forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes.value as Asn1[])).getBytes(), 'binary') : Buffer.concat(covered);

  const serial = serialOf(signerInfo[1]);
  const candidates = [...certificates].sort((a, b) => Number(normaliseSerial(b.serialNumber) === serial) - Number(normaliseSerial(a.serialNumber) === serial));
  const signer = candidates.find((certificate) => verifies(digestAlgorithm, signedOver, certificate, signature));
  const signingTime = timeOf(values.get(OID.signingTime));
  return {
    digestMatches,
    signatureValid: signer !== undefined,
    digestAlgorithm,
    ...(signingTime && { signingTime }),
    ...((signer ?? candidates[0]) && { signer: describe((signer ?? candidates[0])!, certificates) }),
    ...(certificates.length === 0 && { problem: 'the signature carries no certificate to check it with' }),
  };
}

function certificatesOf(signedData: readonly Asn1[]): X509Certificate[] {
  const set = signedData.find((item) => item.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && item.type === 0);
  return ((set?.value ?? []) as Asn1[]).flatMap((item) => {
    try {
      return [new X509Certificate(Buffer.from(forge.asn1.toDer(item).getBytes(), 'binary'))];
    } catch {
      return [];
    }
  });
}

function attributeValues(attributes: Asn1): Map<string, Asn1> {
  const values = new Map<string, Asn1>();
  for (const attribute of attributes.value as Asn1[]) {
    const [type, set] = attribute.value as Asn1[];
    const first = (set?.value as Asn1[] | undefined)?.[0];
    const oid = oidOf(type);
    if (oid && first) values.set(oid, first);
  }
  return values;
}

function verifies(digestAlgorithm: string, data: Buffer, certificate: X509Certificate, signature: Buffer): boolean {
  try {
    return verify(digestAlgorithm, data, certificate.publicKey, signature);
  } catch {
    return false;
  }
}

function describe(certificate: X509Certificate, all: readonly X509Certificate[]): SignerCertificate {
  const names = certificateNames(certificate.raw);
  const chain: string[] = [];
  let current = certificate;
  for (let depth = 0; depth < all.length; depth++) {
    const issuer = all.find((candidate) => candidate !== current && current.checkIssued(candidate) && current.verify(candidate.publicKey));
    if (!issuer) break;
    chain.push(certificateNames(issuer.raw).subject.display);
    current = issuer;
  }
  return {
    names,
    selfSigned: names.subject.display === names.issuer.display && certificate.verify(certificate.publicKey),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    fingerprint: certificate.fingerprint256,
    chain,
  };
}

function oidOf(item: Asn1 | undefined): string | undefined {
  return item?.type === forge.asn1.Type.OID ? forge.asn1.derToOid(item.value as string) : undefined;
}

/** The serial of an IssuerAndSerialNumber, as lowercase hex without leading zeros. */
function serialOf(sid: Asn1 | undefined): string {
  const serial = (sid?.value as Asn1[] | undefined)?.[1]?.value;
  return typeof serial === 'string' ? normaliseSerial(forge.util.bytesToHex(serial)) : '';
}

function normaliseSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+/, '');
}

function timeOf(item: Asn1 | undefined): Date | undefined {
  if (item?.type === forge.asn1.Type.UTCTIME) return forge.asn1.utcTimeToDate(item.value as string);
  if (item?.type === forge.asn1.Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(item.value as string);
  return undefined;
}
