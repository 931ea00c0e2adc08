import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

type Asn1 = forge.asn1.Asn1;

/**
 * Makes the CMS (PKCS#7) detached signature for @signpdf: SHA-256, signed attributes
 * contentType, signingTime and messageDigest, the signer's certificate and any chain the .p12
 * holds. It does what @signpdf/signer-p12 does, with one fix: forge writes the signer's
 * issuer name by re-encoding the parsed name, which encodes a UTF-8 name twice ("ZoÃ«"),
 * and then Poppler, NSS and Acrobat cannot find the signer's certificate. The issuer is put
 * back byte for byte from the certificate after signing; it is not among the signed
 * attributes, so the signature is unaffected.
 */
export class CmsSigner extends Signer {
  constructor(
    private readonly key: forge.pki.rsa.PrivateKey,
    private readonly certificate: forge.pki.Certificate,
    private readonly chain: readonly forge.pki.Certificate[],
  ) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const message = forge.pkcs7.createSignedData();
    message.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const certificate of [this.certificate, ...this.chain]) message.addCertificate(certificate);
    message.addSigner({
      key: this.key,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
        // forge encodes a Date as the signing time; its typings only admit a string.
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    message.sign({ detached: true });
    const contentInfo = message.toAsn1();
    const signedData = ((contentInfo.value as Asn1[])[1]!.value as Asn1[])[0]!.value as Asn1[];
    const signerInfo = ((signedData[signedData.length - 1]!.value as Asn1[])[0]!.value as Asn1[]);
    (signerInfo[1]!.value as Asn1[])[0] = issuerOf(this.certificate);
    return Buffer.from(forge.asn1.toDer(contentInfo).getBytes(), 'binary');
  }
}

/** The issuer Name exactly as the certificate's own DER has it. */
function issuerOf(certificate: forge.pki.Certificate): Asn1 {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  const tbs = ((forge.asn1.fromDer(der).value as Asn1[])[0]!.value as Asn1[]);
  const offset = tbs[0]!.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return tbs[offset + 2]!;
}
