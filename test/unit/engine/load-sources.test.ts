import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_SCHEMA } from '../../../src-main/core/collect/evidence';
import { loadSource, SourceError } from '../../../src-main/core/engine/index';

const demoConfig = fileURLToPath(new URL('../../../resources/demo/configs/dal-dc-fw01.txt', import.meta.url));

function pulledCopy(evidence: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pulled-')), 'edge.txt');
  copyFileSync(demoConfig, file);
  writeFileSync(`${file}.evidence.json`, JSON.stringify({ schema: EVIDENCE_SCHEMA, ...evidence }));
  return file;
}

describe('loading a pulled configuration', () => {
  it('refuses one whose pull did not finish, saying why', () => {
    const file = pulledCopy({ complete: false, incompleteReason: 'the connection closed before ": end"' });
    expect(() => loadSource({ name: 'edge', line: 1, file })).toThrow(SourceError);
    expect(() => loadSource({ name: 'edge', line: 1, file })).toThrow(/the pull that saved it did not finish \(the connection closed before ": end"\)/);
  });

  it('reads one whose pull finished', () => {
    const file = pulledCopy({ complete: true });
    expect(loadSource({ name: 'edge', line: 1, file }).firewall.hostname).toBe('dal-dc-fw01');
  });

  it('says so when the evidence beside it is not pull evidence', () => {
    const file = pulledCopy({});
    writeFileSync(`${file}.evidence.json`, '{"schema":"something else"}');
    expect(() => loadSource({ name: 'edge', line: 1, file })).toThrow(/its pull evidence cannot be read/);
  });
});
