import type { Matrix } from '../matrix/schema';
import type { AddressSet, PortSet } from '../net/index';

/** A deployed matrix role and where the site file puts it. */
export interface SiteRole {
  /** Canonical role name from the matrix. */
  name: string;
  /** The key as the site file writes it ("MediaManager"). */
  writtenAs: string;
  addresses: AddressSet;
  line: number;
}

export interface SiteZone {
  name: string;
  addresses: AddressSet;
  line: number;
}

export interface SiteFirewall {
  name: string;
  line: number;
  /** Absolute path of a saved config or rule export. */
  file?: string;
  /** The path as the site file writes it, for messages and the report. */
  fileAsWritten?: string;
  vendor?: string;
  /** A host firewall: it filters what reaches and leaves these addresses. */
  host?: AddressSet;
  ssh?: { host: string; port: number; vendor?: string; username?: string };
  zones?: SiteZone[];
  columns?: Record<string, string>;
}

/** A loaded, validated site: every name resolved, every address parsed. */
export interface Site {
  /** Absolute path of the site file. */
  file: string;
  site: string;
  customer: string;
  auditor?: string;
  matrix: Matrix;
  /** Deployed roles by canonical name. */
  roles: ReadonlyMap<string, SiteRole>;
  /** Roles the site says it does not run (canonical names). */
  notDeployed: readonly string[];
  ephemeralPorts: PortSet;
  firewalls: readonly SiteFirewall[];
}
