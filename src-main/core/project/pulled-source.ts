import { targetLabel } from '../collect/errors';
import type { PullResult } from '../collect/pull';
import type { ProjectSource } from './project-schema';
import { SourceImportError, sourceFromFile } from './project-sources';
import { sha256Of } from './source-content';

/**
 * A configuration pulled over SSH as a project source, exactly as an imported file becomes
 * one, with how it was obtained (host, port, user, the host key that vouched for the device,
 * when) as its origin. Only a complete capture whose bytes are the ones its evidence hashed
 * is accepted: anything else would let an audit run on less than the device's configuration.
 */
export function sourceFromPull(result: PullResult, now: string): ProjectSource {
  const { evidence } = result;
  const where = targetLabel(evidence.target.host, evidence.target.port);
  if (!result.complete || !evidence.complete) {
    throw new SourceImportError(`${where}: the capture is incomplete (${evidence.incompleteReason ?? result.incompleteReason ?? 'cut short'}): a configuration cut short is never audited; pull it again`);
  }
  const bytes = Buffer.from(result.configuration, 'utf8');
  if (sha256Of(bytes) !== evidence.configuration.sha256) {
    throw new SourceImportError(`${where}: the configuration is not the one its capture evidence hashed; not added`);
  }
  const fileName = `${(evidence.device.hostname ?? evidence.target.host).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_')}.txt`;
  const { source } = sourceFromFile(fileName, bytes, {
    vendor: evidence.target.vendor,
    now,
    origin: {
      kind: 'ssh',
      fileName,
      host: evidence.target.host,
      port: evidence.target.port,
      username: evidence.target.username,
      fingerprint: `${evidence.hostKey.keyType} ${evidence.hostKey.fingerprint}`,
      capturedAt: evidence.finishedAt,
    },
  });
  return source;
}
