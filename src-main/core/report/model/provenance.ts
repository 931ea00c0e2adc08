import { formatDateTime } from './dates';
import type { SourceProvenance } from './report-model';

/** How a source was obtained, as a sentence for the report and the exports. */
export function describeProvenance(obtained: SourceProvenance): string {
  if (obtained.method === 'import') return `imported as a saved file${obtained.warning ? `. WARNING: ${obtained.warning}` : ''}`;
  const who = obtained.username ? `${obtained.username}@` : '';
  return `pulled over SSH from ${who}${obtained.host}${obtained.port ? `:${obtained.port}` : ''} on ${formatDateTime(obtained.at)}; host key ${obtained.hostKeyFingerprint}${obtained.warning ? `. WARNING: ${obtained.warning}` : ''}`;
}
