import { ciscoAsaSshProfile } from '../vendors/cisco-asa/ssh-profile';
import { CollectError } from './errors';
import { checkReadOnly } from './guard';
import type { SshVendorProfile } from './profile';

/** Every vendor that can be pulled over SSH. Adding one is its profile and one entry here. */
export const sshProfiles: readonly SshVendorProfile[] = [ciscoAsaSshProfile];

export function sshProfileFor(vendor: string): SshVendorProfile | undefined {
  return sshProfiles.find((profile) => profile.vendor === vendor.toLowerCase());
}

export function sshVendorIds(): string[] {
  return sshProfiles.map((profile) => profile.vendor);
}

/**
 * Every command a profile would send, checked by the read-only guard before connecting:
 * a profile that would send anything else is refused before the device is even reached.
 */
export function assertProfileReadOnly(profile: SshVendorProfile, label: string): void {
  const commands = [...(profile.privilege ? [profile.privilege.command] : []), ...profile.setup.map((setup) => setup.command), ...profile.captures.map((capture) => capture.command)];
  for (const command of commands) {
    const verdict = checkReadOnly(command, profile.allowlist);
    if (!verdict.allowed) {
      throw new CollectError(label, 'guard', 'refused-command', `the ${profile.name} profile would send "${verdict.command}", refused: ${verdict.reason}; nothing was sent`);
    }
  }
  if (profile.captures.filter((capture) => capture.purpose === 'configuration').length !== 1) {
    throw new CollectError(label, 'guard', 'bad-input', `the ${profile.name} profile must capture exactly one configuration`);
  }
}
