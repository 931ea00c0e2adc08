import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_MATRIX_ID } from '../matrix/load';
import { loadSiteFile } from '../site/index';
import { PROJECT_FORMAT, PROJECT_VERSION, type Project, type ProjectSource, type SiteDraft } from './project-schema';
import { sourceFromFile } from './project-sources';

type Addresses = string | string[];

interface RawSiteFile {
  site: string;
  customer: string;
  auditor?: string;
  matrix?: string;
  roles: Record<string, Addresses>;
  notDeployed?: string[];
  ephemeralPorts?: string | number;
}

const joined = (value: Addresses) => (Array.isArray(value) ? value.join(', ') : value);

/**
 * A project made from a site file and the configurations it names, roles and addresses as the
 * file writes them: how the demo opens, and how an engineer moves a CLI audit into the app.
 * The site file is validated by the site loader first, so what it says means the same here.
 */
export function projectFromSiteFile(path: string, app: { name: string; version: string }, now: string): Project {
  const site = loadSiteFile(path);
  const raw = parse(readFileSync(site.file, 'utf8')) as RawSiteFile;
  const draft: SiteDraft = {
    customer: raw.customer,
    site: raw.site,
    auditor: raw.auditor ?? '',
    matrix: raw.matrix ?? DEFAULT_MATRIX_ID,
    roles: Object.entries(raw.roles).map(([role, addresses]) => ({ role, addresses: joined(addresses) })),
    notDeployed: raw.notDeployed ?? [],
    ephemeralPorts: raw.ephemeralPorts === undefined ? '' : String(raw.ephemeralPorts),
  };
  const sources = site.firewalls.map((entry): ProjectSource => {
    if (!entry.file) throw new Error(`${site.file}: firewall ${entry.name} is pulled over SSH; pull it first and name the saved file`);
    const { source } = sourceFromFile(basename(entry.file), readFileSync(entry.file), { ...(entry.vendor !== undefined && { vendor: entry.vendor }), now });
    return {
      ...source,
      name: entry.name,
      zones: (entry.zones ?? []).map((zone) => ({ zone: zone.name, addresses: zone.addresses.toString() })),
      ...(entry.columns !== undefined && { columns: entry.columns }),
    };
  });
  return { format: PROJECT_FORMAT, version: PROJECT_VERSION, createdAt: now, updatedAt: now, savedBy: app, site: draft, sources };
}
