import { z } from 'zod';

const text = (what: string) => z.string().min(1, `is empty: give ${what}`);

/** One address, or a list: hosts, CIDRs and ranges, IPv4 or IPv6. */
const addressesSchema = z.union([text('an address'), z.array(text('an address')).min(1, 'is an empty list: list at least one address')], {
  error: 'expected an address (10.10.20.11), a CIDR (10.30.0.0/16), a range (10.30.0.10-10.30.0.99) or a list of them',
});

/** An SSH target is a host name or an address; whitespace or quotes in it are a typing slip, not a host. */
const sshHostSchema = text('the host name or address to pull from').regex(/^[A-Za-z0-9._:%[\]-]+$/, 'is not a host name or an IP address');

const sshSchema = z
  .object({
    host: sshHostSchema,
    port: z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535').optional(),
    vendor: text('the vendor').optional(),
    username: text('the login name').optional(),
  })
  .strict();

export const siteFirewallSchema = z
  .object({
    name: text('the name the report uses for this firewall'),
    file: text('the path of a saved config or rule export').optional(),
    vendor: text('the vendor').optional(),
    host: addressesSchema.optional(),
    ssh: sshSchema.optional(),
    zones: z.record(z.string(), addressesSchema).optional(),
    /** Column mapping for a rule export: field -> the header the spreadsheet uses. */
    columns: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .refine((firewall) => (firewall.file === undefined) !== (firewall.ssh === undefined), {
    message: 'give either file: (a saved config or rule export) or ssh: (pulled live), not both or neither',
  });

/** `49152-65535`, one port, comma-separated ranges, or a YAML list of them. */
const ephemeralPortsSchema = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()])).min(1, 'is an empty list: list at least one port range')], {
  error: 'expected a port range like 49152-65535 (or a list of ranges)',
});

/**
 * The site file as a person writes it (../shared/spec/site-format.md). Unknown keys are
 * refused: a misspelt `firewals:` would otherwise audit nothing and look clean.
 */
export const siteFileSchema = z
  .object({
    site: text('the site name the report shows'),
    customer: text('the customer name the report shows'),
    auditor: text('the auditor\'s name').optional(),
    matrix: text('an embedded matrix id or the path of a matrix file').optional(),
    roles: z.record(z.string(), addressesSchema),
    /** Roles the customer does not run, listed so the report can say so; they count as not deployed. */
    notDeployed: z.array(text('a role name')).optional(),
    ephemeralPorts: ephemeralPortsSchema.optional(),
    firewalls: z.array(siteFirewallSchema).optional(),
  })
  .strict();

export type SiteFile = z.infer<typeof siteFileSchema>;
export type SiteFirewallEntry = z.infer<typeof siteFirewallSchema>;
