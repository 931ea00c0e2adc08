import type { Matrix, Role } from '../../src-main/core/matrix/schema';
import type { FieldProblemView } from '../../src-main/core/project/view-schema';

/** The message for one field, if it has one. */
export function problemFor(problems: readonly FieldProblemView[], field: string): string | undefined {
  return problems.find((problem) => problem.field === field)?.message;
}

/** A role is "required" information only once the engineer has been there or asks for the audit. */
export function isRequiredProblem(message: string | undefined): boolean {
  return message?.startsWith('required') ?? false;
}

/** Names to offer while typing a role: canonical names first, then aliases. */
export function roleSuggestions(matrix: Matrix): string[] {
  const roles = matrix.roles.filter((role) => role.kind !== 'group');
  return [...roles.map((role) => role.name), ...roles.flatMap((role) => role.aliases)];
}

/** Roles that can be marked not deployed, grouped for the checklist: integrations first. */
export function notDeployedChoices(matrix: Matrix): { label: string; roles: Role[] }[] {
  const kinds: { kind: Role['kind']; label: string }[] = [
    { kind: 'external', label: 'Integrations and external systems' },
    { kind: 'component', label: 'WFOS components' },
    { kind: 'client', label: 'Clients' },
  ];
  return kinds.map(({ kind, label }) => ({ label, roles: matrix.roles.filter((role) => role.kind === kind) })).filter((group) => group.roles.length > 0);
}

/** Whether a role row names this role (by name or alias, case and spaces ignored), as the main process reads it. */
export function namesRole(typed: string, role: Role): boolean {
  const key = (text: string) => text.toLowerCase().replace(/\s+/g, '');
  return [role.name, ...role.aliases].some((name) => key(name) === key(typed));
}
