import ssh2 from 'ssh2';

// ssh2 is CommonJS built in a way Node's ESM loader cannot name its exports from, so the
// values come from its default export (types are still imported from 'ssh2' directly).
export const SshClient: typeof ssh2.Client = ssh2.Client;
export const parseKey: typeof ssh2.utils.parseKey = ssh2.utils.parseKey;
