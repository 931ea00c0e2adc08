import { describe, expect, it } from 'vitest';
import { typedDeviceSchema, type PullDeviceView } from '../../../src-main/core/collect/pull-job-schema';
import { deviceRequestOf, emptyDeviceDraft, isHardStop, nextDeviceDraft, progressText, withoutSecrets, type DeviceDraft } from '../../../src-renderer/lib/ssh-device-form';

function filled(): DeviceDraft {
  const draft = emptyDeviceDraft('cisco-asa');
  return { ...draft, host: ' 10.50.0.1 ', port: '2222', login: { ...draft.login, username: 'audit', password: 'Pa55' }, enablePassword: 'En4ble' };
}

describe('the SSH device form', () => {
  it('turns what was typed into the device the API takes, and the API accepts it', () => {
    const checked = deviceRequestOf(filled());
    expect(checked).toEqual({
      device: { kind: 'typed', host: '10.50.0.1', port: 2222, vendor: 'cisco-asa', login: { username: 'audit', auth: { method: 'password', password: 'Pa55' } }, enablePassword: 'En4ble', remember: false },
    });
    expect(typedDeviceSchema.safeParse((checked as { device: unknown }).device).success).toBe(true);

    const ipv6 = deviceRequestOf({ ...filled(), host: '[fe80::1]', login: { ...filled().login, method: 'agent' } });
    expect(ipv6).toMatchObject({ device: { host: 'fe80::1', login: { auth: { method: 'agent' } } } });
  });

  it('says what to fix, field by field, the jump host included', () => {
    const draft = filled();
    const checked = deviceRequestOf({
      ...draft,
      host: 'audit@10.50.0.1',
      port: '70000',
      login: { ...draft.login, method: 'key' },
      useJump: true,
      jump: { host: '', port: '22', login: { ...draft.login, username: '', password: '' } },
    });
    expect(checked).toEqual({
      problems: [
        { field: 'host', message: 'the login name goes in its own field' },
        { field: 'port', message: 'a port is a number from 1 to 65535' },
        { field: 'login.key', message: 'choose the private key file' },
        { field: 'jump.host', message: 'give the host name or address' },
        { field: 'jump.login.username', message: 'give the login name' },
        { field: 'jump.login.password', message: 'type the password' },
      ],
    });
  });

  it('keeps the login for the next device of a list, and lets every secret go once sent', () => {
    const withKey: DeviceDraft = { ...filled(), login: { ...filled().login, method: 'key', keyFileName: 'id_ed25519', keyBase64: 'a2V5', passphrase: 'phrase' } };
    const next = nextDeviceDraft(withKey);
    expect(next).toEqual({ ...withKey, host: '' });
    expect(next.login).not.toBe(withKey.login);
    const cleared = withoutSecrets(withKey);
    expect(cleared.login).toEqual({ ...withKey.login, password: '', passphrase: '', keyBase64: '', keyFileName: '' });
    expect(cleared.enablePassword).toBe('');
    expect(cleared.host).toBe(' 10.50.0.1 ');
  });

  it('describes each device\'s progress, and a changed host key as a hard stop', () => {
    const device: PullDeviceView = { index: 0, host: '10.50.0.1', port: 22, username: 'audit', vendor: 'cisco-asa', state: 'capturing', detail: 'show running-config', bytes: 12_800, warnings: [] };
    expect(progressText(device)).toBe('Capturing: show running-config (12.5 KiB received)');
    expect(progressText({ ...device, state: 'connecting', detail: 'jump host bastion:22' })).toBe('Connecting (jump host bastion:22)');
    expect(progressText({ ...device, state: 'done', source: { id: 's', name: 'fw01', lines: 390, sha256: 'x', hostKey: 'k', trust: 'known' } })).toBe('Added as fw01: 390 lines, 12.5 KiB received');
    expect(isHardStop({ ...device, state: 'failed', failure: 'host-key-changed' })).toBe(true);
    expect(isHardStop({ ...device, state: 'failed', failure: 'host-key-unknown' })).toBe(false);
  });
});
