import { X509Certificate } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import forge from 'node-forge';
import { loadSource, runAudit } from '../../../src-main/core/engine/index';
import { buildReportModel, createAuditorCertificate, reportInputFor, signingIdentity, signReportPdf, verifyReport, writeReportPdf } from '../../../src-main/core/report/index';
import { loadSiteFile } from '../../../src-main/core/site/index';

const PASSPHRASE = 'a long enough passphrase';
const now = new Date('2026-11-24T10:00:00Z');
let unsigned: Buffer;
let signed: Buffer;
let p12: Buffer;

beforeAll(async () => {
  const site = loadSiteFile(fileURLToPath(new URL('../../../resources/demo/site.yaml', import.meta.url)));
  const audit = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now });
  unsigned = await writeReportPdf(buildReportModel(reportInputFor(site, audit)), audit);
  p12 = createAuditorCertificate({ name: 'Zoë Łukasik', organisation: 'Prüfstelle 東京', bits: 2048, years: 2, now }, PASSPHRASE).p12;
  signed = (await signReportPdf(unsigned, { p12, passphrase: PASSPHRASE, file: 'auditor.p12' }, { signingTime: new Date('2026-11-24T11:00:00Z') })).pdf;
});

/** The certificate inside a .p12, as Node reads it. */
function certificateIn(bytes: Buffer): X509Certificate {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), false, PASSPHRASE);
  const cert = pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]![0]!.cert!;
  return new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));
}

describe('the self-signed auditor certificate', () => {
  it('carries the name in UTF-8, an RSA key of the size asked, SHA-256, and the validity asked', () => {
    const certificate = certificateIn(p12);
    expect(certificate.publicKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048 });
    expect(new Date(certificate.validTo).getUTCFullYear()).toBe(2028);
    expect(certificate.raw.includes(Buffer.from('Zoë Łukasik', 'utf8'))).toBe(true);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.keyUsage).toContain('1.3.6.1.4.1.311.10.3.12');
    const identity = signingIdentity({ p12, passphrase: PASSPHRASE, file: 'auditor.p12' }, now);
    expect(identity).toMatchObject({ selfSigned: true, subject: { commonName: 'Zoë Łukasik', organisation: 'Prüfstelle 東京' } });
  });

  it('refuses a short passphrase, a key size or validity outside the choices, and an empty name', () => {
    expect(() => createAuditorCertificate({ name: 'A' }, 'short')).toThrow('at least 8 characters');
    expect(() => createAuditorCertificate({ name: 'A', bits: 4096 }, PASSPHRASE)).toThrow('2048 or 3072');
    expect(() => createAuditorCertificate({ name: 'A', years: 5 }, PASSPHRASE)).toThrow('2 or 3 years');
    expect(() => createAuditorCertificate({ name: '  ' }, PASSPHRASE)).toThrow('name');
  });

  it('cannot sign outside its validity or with the wrong passphrase', async () => {
    await expect(signReportPdf(unsigned, { p12, passphrase: PASSPHRASE, file: 'auditor.p12' }, { signingTime: new Date('2030-01-01T00:00:00Z') })).rejects.toThrow('auditor.p12: the certificate is valid from');
    expect(() => signingIdentity({ p12, passphrase: 'wrong', file: 'auditor.p12' })).toThrow('auditor.p12: wrong passphrase');
    expect(() => signingIdentity({ p12: Buffer.from('not a p12'), passphrase: 'x', file: 'notes.txt' })).toThrow('notes.txt: not a PKCS#12');
  });
});

describe('verifying a signed report', () => {
  it('keeps the unsigned report\'s bytes at the start of the signed file', () => {
    expect(signed.subarray(0, unsigned.length - 1).equals(unsigned.subarray(0, unsigned.length - 1))).toBe(true);
  });

  it('reports the signer, the signing time and the evidence', () => {
    const result = verifyReport(signed, 'signed.pdf');
    expect(result.outcome).toBe('valid');
    expect(result.lines).toContain('  Signed by: Zoë Łukasik, Prüfstelle 東京');
    expect(result.lines).toContain('  Signing time: 24 November 2026, 11:00 UTC (the signer\'s clock)');
  });

  it('says the signature is invalid when its value is altered', () => {
    const text = signed.toString('latin1');
    const start = text.indexOf('/Contents <') + '/Contents <'.length;
    const altered = Buffer.from(signed);
    // Inside the signature value near its end: the RSA signature bytes, not the certificate.
    const end = text.indexOf('>', start);
    const zeros = text.slice(start, end).search(/(00)+$/);
    altered[start + zeros - 10] = altered[start + zeros - 10] === 0x30 ? 0x31 : 0x30;
    const result = verifyReport(altered, 'altered.pdf');
    expect(result.outcome).toBe('changed');
    expect(result.conclusion).toContain('the signature is invalid');
  });

  it('says the file is not covered when the byte range leaves part of it out', () => {
    const text = signed.toString('latin1');
    const match = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/.exec(text)!;
    const shorter = `/ByteRange [0 ${match[1]} ${match[2]} ${Number(match[3]) - 10}]`.padEnd(match[0].length, ' ');
    const edited = Buffer.from(text.replace(match[0], shorter), 'latin1');
    const result = verifyReport(edited, 'edited.pdf');
    expect(result.outcome).toBe('changed');
    expect(result.lines.join('\n')).toContain('NOT the whole file');
  });
});
