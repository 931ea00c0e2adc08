import type { AuditResult, PulledFrom } from '../engine/audit-result';
import { readCaptureEvidence, type CaptureEvidence } from '../collect/evidence';
import type { Site } from '../site/index';
import { vendorParsers } from '../vendors/registry';
import type { ReportInput, SignOffInput } from './model/build-report';
import type { SourceProvenance } from './model/report-model';

export interface ReportPeople {
  auditor?: SignOffInput;
  customer?: SignOffInput;
}

/**
 * The report input for an audit of a loaded site: the site's roles and addresses, vendor
 * names for people, and who signs. The app and the command line both build it here, so both
 * hand the PDF writer the same model.
 */
export function reportInputFor(site: Site, audit: AuditResult, people: ReportPeople = {}): ReportInput {
  const provenance = Object.fromEntries(site.firewalls.flatMap((entry) => {
    const source = audit.sources.find((item) => item.name === entry.name);
    // A file may have capture evidence beside it; a project source the app pulled carries its own in the audit result.
    const obtained = source && (entry.file ? pulledOver(entry.file, source.sha256) : source.pulled && pulledInApp(source.pulled));
    return obtained ? [[entry.name, obtained]] : [];
  }));
  return {
    audit,
    matrix: site.matrix,
    signOff: people,
    siteRoles: [...site.roles.values()].map((role) => ({ role: role.name, addresses: role.addresses.toString() })),
    notDeployed: [...site.notDeployed],
    vendorNames: Object.fromEntries(vendorParsers.map((parser) => [parser.id, parser.name])),
    provenance,
  };
}

/** How a project source the app pulled over SSH was obtained, from what the audit result records. */
function pulledInApp(pulled: PulledFrom): SourceProvenance {
  return { method: 'ssh', host: pulled.host, port: pulled.port, username: pulled.username, hostKeyFingerprint: pulled.hostKey, at: pulled.capturedAt };
}

/**
 * How a file came from `wfos-audit pull`, from the capture evidence it saved beside it
 * (FILE.evidence.json); undefined for a file that was not pulled. A file whose hash is not
 * the one the pull recorded was edited afterwards, and the report says so.
 */
function pulledOver(file: string, sha256: string): SourceProvenance | undefined {
  let capture: CaptureEvidence | undefined;
  try {
    capture = readCaptureEvidence(file);
  } catch (error) {
    return { method: 'import', warning: `its capture evidence cannot be read (${(error as Error).message})` };
  }
  if (!capture) return undefined;
  const warnings = [
    ...(capture.configuration.sha256 !== sha256 ? ['the file audited is not the one the pull saved (its SHA-256 differs from the capture evidence): it was changed after it was pulled'] : []),
    ...(!capture.complete ? [`the capture was incomplete${capture.incompleteReason ? ` (${capture.incompleteReason})` : ''}`] : []),
  ];
  return {
    method: 'ssh',
    host: capture.target.host,
    port: capture.target.port,
    username: capture.target.username,
    hostKeyFingerprint: `${capture.hostKey.keyType} ${capture.hostKey.fingerprint}`,
    at: capture.finishedAt,
    ...(warnings.length > 0 && { warning: warnings.join('; ') }),
  };
}
