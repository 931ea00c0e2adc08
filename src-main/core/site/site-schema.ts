import { z } from 'zod';

/** One address, or a list: hosts, CIDRs and ranges, IPv4 or IPv6. */
const addressesSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1, 'list at least one address')]);

const sshSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).optional(),
    vendor: z.string().min(1).optional(),
    username: z.string().min(1).optional(),
  })
  .strict();

export const siteFirewallSchema = z
  .object({
    name: z.string().min(1),
    file: z.string().min(1).optional(),
    vendor: z.string().min(1).optional(),
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

/**
 * The site file as a person writes it (../shared/spec/site-format.md). Unknown keys are
 * refused: a misspelt `firewals:` would otherwise audit nothing and look clean.
 */
export const siteFileSchema = z
  .object({
    site: z.string().min(1),
    customer: z.string().min(1),
    auditor: z.string().min(1).optional(),
    matrix: z.string().min(1).optional(),
    roles: z.record(z.string(), addressesSchema),
    /** Roles the customer does not run, listed so the report can say so; they count as not deployed. */
    notDeployed: z.array(z.string().min(1)).optional(),
    ephemeralPorts: z.union([z.string(), z.number()]).optional(),
    firewalls: z.array(siteFirewallSchema).optional(),
  })
  .strict();

export type SiteFile = z.infer<typeof siteFileSchema>;
export type SiteFirewallEntry = z.infer<typeof siteFirewallSchema>;
