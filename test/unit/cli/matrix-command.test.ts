import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, VERSION } from '../../../src-main/cli/main';
import { recordingIo } from '../../helpers/cli-io';

const bin = fileURLToPath(new URL('../../../src-main/cli/wfos-audit.mjs', import.meta.url));

describe('wfos-audit matrix', () => {
  it('--json prints all 40 rows with ports in document order', async () => {
    const io = recordingIo();
    expect(await main(['matrix', '--json'], io.cli)).toBe(0);
    const doc = JSON.parse(io.stdout);
    expect(doc).toMatchObject({ id: 'wfos-5.2.3', title: 'Avaya WFOS 5.2.3 port matrix' });
    expect(doc.rows).toHaveLength(40);
    expect(doc.rows[26]).toMatchObject({
      row: 27, source: 'CTI Adapter', destination: 'AES Server', transport: 'tcp', ports: [450, '1050-1065', 4721, 4722],
    });
    expect(doc.rows[38]).toMatchObject({ row: 39, source: 'IPOffice/SBCE', transport: 'udp', ports: ['16384-32766'] });
  });

  it('prints a readable table with every row and the notes', async () => {
    const io = recordingIo();
    expect(await main(['matrix'], io.cli)).toBe(0);
    const lines = io.stdout.split('\n');
    expect(lines.filter((line) => /^\d+\s{2,}/.test(line))).toHaveLength(40);
    expect(io.stdout).toMatch(/^27\s+CTI Adapter\s+AES Server\s+tcp\s+450,1050-1065,4721-4722\s+TCP$/m);
    expect(io.stdout).toContain('162/udp');
  });

  it('--matrix with a missing file is bad input, exit 2, one line naming the file', async () => {
    const io = recordingIo();
    expect(await main(['matrix', '--matrix', 'nope.json'], io.cli)).toBe(2);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toMatch(/nope\.json: cannot read the matrix file/);
  });

  it('rejects unknown options and commands with exit 2', async () => {
    const io = recordingIo();
    expect(await main(['matrix', '--jsn'], io.cli)).toBe(2);
    expect(io.stderr).toContain("Unknown option '--jsn'");
    expect(await main(['frobnicate'], io.cli)).toBe(2);
    expect(io.stderr).toContain('unknown command "frobnicate"');
  });

  it('--help and --version', async () => {
    const io = recordingIo();
    expect(await main(['--help'], io.cli)).toBe(0);
    expect(io.stdout).toContain('matrix');
    expect(await main(['--version'], io.cli)).toBe(0);
    expect(io.stdout).toContain(`${VERSION}\n`);
    expect(await main(['matrix', '--help'], io.cli)).toBe(0);
    expect(io.stdout).toContain('Usage: wfos-audit matrix');
  });

  it('runs as the installed command', () => {
    const out = execFileSync(process.execPath, [bin, 'matrix', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out).rows).toHaveLength(40);
    const failed = spawnSync(process.execPath, [bin, 'matrix', '--matrix', '/nonexistent/m.json'], { encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('/nonexistent/m.json');
  });
});
