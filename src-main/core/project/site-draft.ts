import { stringify } from 'yaml';
import { DEFAULT_MATRIX_ID, embeddedMatrixIds, loadEmbeddedMatrix } from '../matrix/load';
import { indexRoles } from '../matrix/role-names';
import { PortSet } from '../net/index';
import { closestRoleHint, parseSite, parseSiteAddressItem, SiteError, type Site, type SiteFirewall } from '../site/index';
import type { SiteDraft } from './project-schema';

/** One thing wrong with one field of the Site screen; `field` is `customer`, `roles.2.addresses`, … */
export interface FieldProblem {
  field: string;
  message: string;
}

export function emptySiteDraft(): SiteDraft {
  return { customer: '', site: '', auditor: '', matrix: DEFAULT_MATRIX_ID, roles: [], notDeployed: [], ephemeralPorts: '' };
}

/** "10.1.1.1, 10.2.0.0/16" or one address a line: the items a person typed, in order. */
export function addressItems(text: string): string[] {
  return text.split(/[,;\n]/).map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * The problems with one address list, or undefined when every item reads as addresses, by the
 * site file's own rules (a host written with a prefix length is refused, as there).
 */
export function addressProblem(text: string): string | undefined {
  const items = addressItems(text);
  if (items.length === 0) return 'give at least one address: a host, a CIDR (10.30.0.0/16) or a range (10.30.0.10-10.30.0.99)';
  for (const item of items) {
    try {
      parseSiteAddressItem(item);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return undefined;
}

/**
 * Everything wrong with the Site screen as typed, field by field, so each message shows next
 * to its field while the engineer types. The rules are the site file's (roles by name or
 * alias, case and spaces ignored; addresses as hosts, CIDRs and ranges) and the final check
 * before an audit is the site file's own parser (`siteFromDraft`).
 */
export function siteDraftProblems(draft: SiteDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  if (!draft.customer.trim()) add('customer', 'required: the report names the customer');
  if (!draft.site.trim()) add('site', 'required: the report names the site');
  if (!embeddedMatrixIds().includes(draft.matrix)) {
    add('matrix', `"${draft.matrix}" is not a matrix this app carries (${embeddedMatrixIds().join(', ')})`);
    return problems;
  }
  const matrix = loadEmbeddedMatrix(draft.matrix);
  const roles = indexRoles(matrix);

  const notDeployed = new Set<string>();
  draft.notDeployed.forEach((name, index) => {
    const role = roles.resolve(name);
    if (!role) add(`notDeployed.${index}`, `"${name}" is not a role of the ${matrix.title}`);
    else notDeployed.add(role.name);
  });

  const assigned = new Map<string, number>();
  const checkRole = (typed: string, field: string, index: number) => {
    const role = roles.resolve(typed);
    if (!role) return add(field, `"${typed}" is not a role of the ${matrix.title}${closestRoleHint(typed, roles)}`);
    if (role.kind === 'group') return add(field, `"${typed}" stands for every deployed WFOS server component: assign the components themselves`);
    const earlier = assigned.get(role.name);
    if (earlier !== undefined) return add(field, `${role.name} is already assigned on row ${earlier + 1}: put all its addresses on one row`);
    assigned.set(role.name, index);
    if (notDeployed.has(role.name)) add(field, `${role.name} is marked as not deployed: clear that mark or remove this row`);
  };
  draft.roles.forEach((row, index) => {
    const typedRole = row.role.trim();
    const typedAddresses = row.addresses.trim();
    if (!typedRole && !typedAddresses) return;
    const field = `roles.${index}`;
    if (!typedRole) add(`${field}.role`, 'choose the matrix role these addresses belong to');
    else checkRole(typedRole, `${field}.role`, index);
    const problem = addressProblem(row.addresses);
    if (problem) add(`${field}.addresses`, problem);
  });

  if (draft.ephemeralPorts.trim()) {
    try {
      if (PortSet.parse(draft.ephemeralPorts).isEmpty()) add('ephemeralPorts', 'names no port');
    } catch (error) {
      add('ephemeralPorts', (error as Error).message);
    }
  }
  return problems;
}

/** The validated site to audit: the draft read by the site file's own parser, with the project's firewalls. */
export function siteFromDraft(draft: SiteDraft, firewalls: readonly SiteFirewall[], where: string): Site {
  const problems = siteDraftProblems(draft);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new Error(`the site is not complete (${problems.length} problem${problems.length > 1 ? 's' : ''}; first: ${fieldLabel(first.field)}: ${first.message})`);
  }
  const document = new Map<string, unknown>([
    ['site', draft.site.trim()],
    ['customer', draft.customer.trim()],
    ...(draft.auditor.trim() ? [['auditor', draft.auditor.trim()] as [string, unknown]] : []),
    ['matrix', draft.matrix],
    ['roles', new Map(draft.roles.filter((row) => row.role.trim()).map((row) => [row.role.trim(), addressItems(row.addresses)]))],
    ...(draft.notDeployed.length > 0 ? [['notDeployed', [...new Set(draft.notDeployed)]] as [string, unknown]] : []),
    ...(draft.ephemeralPorts.trim() ? [['ephemeralPorts', draft.ephemeralPorts.trim()] as [string, unknown]] : []),
  ]);
  try {
    return { ...parseSite(stringify(document), where), firewalls };
  } catch (error) {
    if (error instanceof SiteError) throw new Error(`the site: ${error.key ? `${error.key}: ` : ''}${error.problem}`);
    throw error;
  }
}

/** "roles.2.addresses" as a person reads it: "row 3 addresses". */
export function fieldLabel(field: string): string {
  const role = /^roles\.(\d+)\.(role|addresses)$/.exec(field);
  if (role) return `role row ${Number(role[1]) + 1} ${role[2]}`;
  const notDeployed = /^notDeployed\.(\d+)$/.exec(field);
  if (notDeployed) return 'not deployed';
  return field;
}
