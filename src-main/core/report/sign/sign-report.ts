import { X509Certificate } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { certificateNames, type NameParts } from './certificate-names';
import { CmsSigner } from './cms-signer';

/** A signing problem the user can act on: wrong passphrase, expired certificate, not a .p12. */
export class SigningError extends Error {
  override name = 'SigningError';
}

export interface SigningKey {
  /** The .p12/.pfx file's bytes. */
  p12: Buffer;
  passphrase: string;
  /** For messages: the file the bytes came from. */
  file: string;
}

export interface SignOptions {
  reason?: string;
  location?: string;
  signingTime?: Date;
}

export interface SignedReport {
  pdf: Buffer;
  signer: NameParts;
  selfSigned: boolean;
  notAfter: Date;
  fingerprint: string;
}

/**
 * Room for the CMS signature: a 3072-bit signature, the signer's certificate and a chain of
 * two or three CA certificates fit comfortably; what is not used is zero padding.
 */
const SIGNATURE_BYTES = 16384;

/**
 * Signs a report PDF with the auditor's certificate: a CMS (PKCS#7) detached signature,
 * SHA-256, sub-filter adbe.pkcs7.detached, over every byte of the file but the signature
 * itself. That is the signature Acrobat, pdfsig and `wfos-audit verify` check. The placeholder
 * is added as an incremental update after pdfkit's classic cross-reference table, so the
 * unsigned report's bytes are kept as they are at the start of the signed file.
 */
export async function signReportPdf(pdf: Buffer, key: SigningKey, options: SignOptions = {}): Promise<SignedReport> {
  const signingTime = options.signingTime ?? new Date();
  const identity = signingIdentity(key, signingTime);
  const { material, subject } = identity;
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: options.reason ?? 'WFOS firewall audit report',
    contactInfo: subject.email ?? '',
    name: subject.commonName ?? subject.display,
    location: options.location ?? '',
    signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'wfos-audit',
  });
  const signed = await new SignPdf().sign(withPlaceholder, new CmsSigner(material.key, material.certificate, material.chain), signingTime);
  return { pdf: signed, signer: subject, selfSigned: identity.selfSigned, notAfter: identity.notAfter, fingerprint: identity.fingerprint };
}

export interface SigningIdentity {
  subject: NameParts;
  selfSigned: boolean;
  notAfter: Date;
  fingerprint: string;
  material: ReturnType<typeof openP12>;
}

/**
 * Opens the .p12 and checks that its certificate can sign at `at`: run before a long audit,
 * so that a wrong passphrase or an expired certificate is said at once, not after it.
 */
export function signingIdentity(key: SigningKey, at: Date = new Date()): SigningIdentity {
  const material = openP12(key);
  const certificate = new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(material.certificate)).getBytes(), 'binary'));
  if (at < new Date(certificate.validFrom) || at > new Date(certificate.validTo)) {
    throw new SigningError(`${key.file}: the certificate is valid from ${certificate.validFrom} to ${certificate.validTo}, not at ${at.toISOString()}`);
  }
  const { subject, issuer } = certificateNames(certificate.raw);
  return {
    subject,
    selfSigned: subject.display === issuer.display && certificate.verify(certificate.publicKey),
    notAfter: new Date(certificate.validTo),
    fingerprint: certificate.fingerprint256,
    material,
  };
}

/** The private key and its certificate (and any chain) from a .p12, with a clear error for each way that fails. */
function openP12(key: SigningKey): { key: forge.pki.rsa.PrivateKey; certificate: forge.pki.Certificate; chain: forge.pki.Certificate[] } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(key.p12.toString('binary'))), false, key.passphrase);
  } catch (error) {
    const message = (error as Error).message;
    if (/MAC could not be verified|Invalid password/i.test(message)) throw new SigningError(`${key.file}: wrong passphrase (the .p12 could not be decrypted with it)`);
    throw new SigningError(`${key.file}: not a PKCS#12 (.p12/.pfx) file that can be read (${message})`);
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const privateKey = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)][0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new SigningError(`${key.file}: holds no RSA private key to sign with`);
  const certificates = bags(forge.pki.oids.certBag!).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const own = certificates.find((candidate) => {
    const publicKey = candidate.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n.compareTo(privateKey.n) === 0 && publicKey.e.compareTo(privateKey.e) === 0;
  });
  if (!own) throw new SigningError(`${key.file}: holds no certificate for its private key`);
  return { key: privateKey, certificate: own, chain: certificates.filter((candidate) => candidate !== own) };
}
