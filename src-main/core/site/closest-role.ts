import { roleKey, type RoleIndex } from '../matrix/role-names';

/** Beyond this many edits a name is another word, not a slip of the keyboard. */
const MAX_TYPING_SLIPS = 3;

/**
 * ` (did you mean "Recorder"?)` for a role name the matrix does not know, when a role's name or
 * alias is a few keystrokes away or contains what was typed; empty when nothing is that close.
 * It only suggests: the site file still has to say the role itself.
 */
export function closestRoleHint(typed: string, roles: RoleIndex): string {
  const key = roleKey(typed);
  if (key.length < 2) return '';
  const ranked = roles.roles
    .filter((role) => role.kind !== 'group')
    .map((role) => ({ role, distance: Math.min(...[role.name, ...role.aliases].map((name) => slipsBetween(key, roleKey(name)))) }))
    .filter(({ distance }) => distance <= Math.min(MAX_TYPING_SLIPS, Math.floor(key.length / 3)) || distance === 0)
    .sort((a, b) => a.distance - b.distance);
  const names = [...new Set(ranked.map(({ role }) => role.name))].slice(0, 3);
  return names.length > 0 ? ` (did you mean ${names.map((name) => `"${name}"`).join(', ')}?)` : '';
}

/** Edit distance, with a name that contains the typed text (or is contained in it) counting as 0. */
function slipsBetween(typed: string, name: string): number {
  if (Math.min(typed.length, name.length) >= 4 && (name.includes(typed) || typed.includes(name))) return 0;
  let previous = Array.from({ length: name.length + 1 }, (_, index) => index);
  for (let i = 1; i <= typed.length; i++) {
    const current = [i];
    for (let j = 1; j <= name.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (typed[i - 1] === name[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[name.length]!;
}
