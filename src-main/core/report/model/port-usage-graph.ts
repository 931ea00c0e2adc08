import type { AuditResult } from '../../engine/audit-result';
import type { Matrix } from '../../matrix/schema';
import type { DiagramEdge, DiagramNode, PortUsageGraph } from './report-model';

const WFOS_SIDE: ReadonlySet<DiagramNode['kind']> = new Set(['component', 'group']);

/**
 * The matrix's roles as boxes and its rows as arrows coloured by the audit's verdict. Flows
 * between two WFOS components and flows across the WFOS boundary are kept apart: each set
 * reads left to right on its own, where one picture of all forty would be a tangle.
 */
export function portUsageGraph(audit: AuditResult, matrix: Matrix, siteRoles: ReadonlyMap<string, string> | undefined): PortUsageGraph {
  const kinds = new Map(matrix.roles.map((role) => [role.name, role.kind]));
  const applicable = new Set(audit.flows.filter((flow) => flow.status !== 'not-applicable').flatMap((flow) => [flow.sourceRole, flow.destinationRole]));

  const nodes: DiagramNode[] = [];
  const nodeOf = (role: string) => {
    if (nodes.some((node) => node.id === role)) return;
    const addresses = siteRoles?.get(role);
    nodes.push({
      id: role,
      label: role,
      kind: kinds.get(role) ?? 'external',
      deployed: addresses !== undefined || applicable.has(role),
      ...(addresses !== undefined && { addresses }),
    });
  };
  const internal: DiagramEdge[] = [];
  const boundary: DiagramEdge[] = [];
  for (const flow of audit.flows) {
    nodeOf(flow.sourceRole);
    nodeOf(flow.destinationRole);
    const edge: DiagramEdge = {
      row: flow.row,
      from: flow.sourceRole,
      to: flow.destinationRole,
      status: flow.status,
      ports: `${flow.ports}/${flow.transport}`,
    };
    const bothWfos = [flow.sourceRole, flow.destinationRole].every((role) => WFOS_SIDE.has(kinds.get(role) ?? 'external'));
    (bothWfos ? internal : boundary).push(edge);
  }
  return { nodes, internal, boundary };
}
