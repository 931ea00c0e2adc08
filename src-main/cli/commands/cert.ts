import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAuditorCertificate, formatDate } from '../../core/report/index';
import { defineCommand } from '../args';
import { UsageError } from '../command';

const usage = `Usage: wfos-audit cert --name NAME --out FILE.p12 --passphrase-env VAR [--email E]
                       [--organisation O] [--years 2|3] [--bits 2048|3072]

Creates a self-signed certificate for signing reports (audit --sign), for an auditor who has
none from a certificate authority: an RSA key and an X.509 certificate (SHA-256, the name as
its common name) in a .p12 protected by a passphrase. A self-signed signature proves that a
report has not changed since it was signed; to prove who signed it, give the customer the
fingerprint this command prints, which wfos-audit verify and PDF readers show.

Options:
  --name NAME          the auditor's name (the certificate's common name)
  --out FILE.p12       where to write the .p12; an existing file is never overwritten
  --passphrase-env VAR the passphrase protecting the .p12 is in environment variable VAR
  --email E            the auditor's e-mail address, in the certificate
  --organisation O     the auditor's organisation, in the certificate
  --years N            validity, 2 or 3 years (default 3)
  --bits N             RSA key size, 2048 or 3072 (default 3072)
  -h, --help           show this help
`;

export const certCommand = defineCommand({
  name: 'cert',
  usage,
  options: {
    name: { type: 'string' },
    out: { type: 'string' },
    'passphrase-env': { type: 'string' },
    email: { type: 'string' },
    organisation: { type: 'string' },
    years: { type: 'string' },
    bits: { type: 'string' },
  },
  async run({ values }, io) {
    if (!values.name) throw new UsageError('--name NAME is required');
    if (!values.out) throw new UsageError('--out FILE.p12 is required');
    const variable = values['passphrase-env'];
    if (!variable) throw new UsageError('--passphrase-env VAR is required: the passphrase is read from the environment, never from the command line');
    const passphrase = io.env[variable];
    if (!passphrase) throw new UsageError(`--passphrase-env ${variable}: the environment variable is not set`);
    if (existsSync(resolve(io.cwd, values.out))) throw new UsageError(`${values.out}: already exists; it is never overwritten`);
    io.err(`creating a key and certificate for ${values.name}…\n`);
    const created = attempt(() =>
      createAuditorCertificate(
        {
          name: values.name!,
          ...(values.email && { email: values.email }),
          ...(values.organisation && { organisation: values.organisation }),
          ...(values.years && { years: Number(values.years) }),
          ...(values.bits && { bits: Number(values.bits) }),
        },
        passphrase,
      ),
    );
    try {
      writeFileSync(resolve(io.cwd, values.out), created.p12, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`${values.out}: ${code === 'EEXIST' ? 'already exists; it is never overwritten' : `cannot write it (${code ?? String(error)})`}`);
    }
    io.out(`Certificate for ${values.name} written to ${values.out}, valid until ${formatDate(created.notAfter.toISOString())}.\n`);
    io.out(`SHA-256 fingerprint: ${created.fingerprint}\n`);
    io.out('It is self-signed: give this fingerprint to the customer, so that they can check the signer of your reports.\n');
    return 0;
  },
});

/** Input the certificate maker refuses (a short passphrase, 4096 bits) is the user's to fix: exit 2, one line. */
function attempt<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
