import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { verifyReport, type EvidenceLookup } from '../../core/report/index';
import { defineCommand } from '../args';
import { UsageError } from '../command';

const usage = `Usage: wfos-audit verify REPORT.pdf [--evidence DIR]

Checks a signed report: the digital signature over the file (CMS, as Acrobat checks it), that
the signature covers the whole file but itself, and that the evidence hashes embedded in the
report agree with the embedded audit result. Prints who signed it and when, and whether the
certificate is self-signed (which proves the report is unchanged, not who signed it).

Options:
  --evidence DIR   also hash the source files (the configurations the audit read) found in
                   DIR and compare them with the report's hashes
  -h, --help       show this help

Exit codes: 0 the report is unchanged since it was signed and its evidence agrees; 1 it was
changed after signing, the signature is invalid or the evidence does not match; 2 not a
PDF, truncated, not signed, or an evidence file is missing.
`;

export const verifyCommand = defineCommand({
  name: 'verify',
  usage,
  options: { evidence: { type: 'string' } },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give one report: wfos-audit verify REPORT.pdf');
    const file = positionals[0]!;
    let pdf: Buffer;
    try {
      pdf = readFileSync(resolve(io.cwd, file));
    } catch (error) {
      throw new UsageError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const evidence = values.evidence === undefined ? undefined : evidenceIn(resolve(io.cwd, values.evidence), values.evidence);
    const verification = verifyReport(pdf, file, evidence);
    if (verification.lines.length > 0) io.out(verification.lines.join('\n') + '\n');
    if (verification.outcome === 'bad-input') throw new UsageError(verification.conclusion);
    io.out(`\n${verification.conclusion}\n`);
    return verification.outcome === 'valid' ? 0 : 1;
  },
});

/** Source files by the name the report gives them: its path under DIR, or its base name there. */
function evidenceIn(directory: string, asWritten: string): EvidenceLookup {
  if (!existsSync(directory)) throw new UsageError(`--evidence ${asWritten}: no such directory`);
  return (file) => {
    for (const candidate of [join(directory, file), join(directory, basename(file))]) {
      if (existsSync(candidate)) return readFileSync(candidate);
    }
    return undefined;
  };
}
