import { z } from 'zod';

/**
 * What the app's "add a firewall by SSH" sends and is told back, as zod schemas: api.ts builds
 * its calls from them and the renderer imports the types. Pure zod, no Node. Secrets appear
 * only in the requests; no output schema has a field that could carry one.
 */

/** A private key file is a few KiB; anything near this is not one. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;
/** Devices in one pull: a site's firewalls, not a scan. */
export const MAX_DEVICES_PER_PULL = 20;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const secret = z.string().min(1).max(1024).refine((value) => !/[\r\n]/.test(value), 'a line break cannot be part of it');
/** A host name or an IPv4/IPv6 address (with an IPv6 zone): what ssh takes as a destination. */
export const sshHostSchema = z
  .string()
  .trim()
  .min(1, 'give the host name or address')
  .max(255)
  .regex(/^[A-Za-z0-9._:%-]+$/, 'a host name or an IP address (no spaces, no user@, no brackets)');
export const sshPortSchema = z.number().int().min(1, 'a port is 1 to 65535').max(65535, 'a port is 1 to 65535');
const username = z
  .string()
  .trim()
  .min(1, 'give the login name')
  .max(100)
  .refine((value) => !CONTROL.test(value), 'no control characters');
const sourceId = z.string().min(1).max(64);

export const SSH_AUTH_METHODS = ['password', 'key', 'agent'] as const;
export type SshAuthMethod = (typeof SSH_AUTH_METHODS)[number];

/** How to log in: a password, a private key file the window read (with its passphrase), or the ssh-agent. */
export const sshAuthSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), password: secret }).strict(),
  z
    .object({
      method: z.literal('key'),
      keyFileName: z.string().min(1).max(255),
      keyBase64: z
        .string()
        .min(1, 'pick the private key file')
        .max(Math.ceil(MAX_KEY_FILE_BYTES / 3) * 4, `larger than the ${MAX_KEY_FILE_BYTES / 1024} KiB a private key file can be`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      passphrase: secret.optional(),
    })
    .strict(),
  z.object({ method: z.literal('agent') }).strict(),
]);

export const sshLoginSchema = z.object({ username, auth: sshAuthSchema }).strict();

/** A device as typed on the form. */
export const typedDeviceSchema = z
  .object({
    kind: z.literal('typed'),
    host: sshHostSchema,
    port: sshPortSchema,
    /** A vendor with an SSH profile: `cisco-asa`. */
    vendor: z.string().min(1).max(64),
    login: sshLoginSchema,
    enablePassword: secret.optional(),
    /** Reach the device through this SSH server first (ssh -J). */
    jump: z.object({ host: sshHostSchema, port: sshPortSchema, login: sshLoginSchema }).strict().optional(),
    /** Keep the login, sealed by the OS keychain, once the pull has succeeded (Electron only). */
    remember: z.boolean(),
  })
  .strict();

/** A device whose login the app remembers: everything comes from the sealed store. */
export const rememberedDeviceRefSchema = z.object({ kind: z.literal('remembered'), id: z.string().min(1).max(64) }).strict();

export const pullDeviceRequestSchema = z
  .object({
    device: z.discriminatedUnion('kind', [typedDeviceSchema, rememberedDeviceRefSchema]),
    /** Pull again: the source the new capture replaces, whatever its name. */
    replaceId: sourceId.optional(),
  })
  .strict();

export const pullStartRequestSchema = z.object({ devices: z.array(pullDeviceRequestSchema).min(1, 'add at least one device').max(MAX_DEVICES_PER_PULL) }).strict();

/** Where a device is in its pull, as the Sources screen shows it. */
export const PULL_DEVICE_STATES = ['queued', 'connecting', 'host-key', 'authenticating', 'capturing', 'adding', 'done', 'failed', 'cancelled'] as const;
export type PullDeviceState = (typeof PULL_DEVICE_STATES)[number];

export const pullDeviceViewSchema = z.object({
  index: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  vendor: z.string(),
  /** The jump host, `host:port`, when there is one. */
  via: z.string().optional(),
  state: z.enum(PULL_DEVICE_STATES),
  /** What it is doing now: the command being captured, "jump host 10.0.0.5:22". */
  detail: z.string().optional(),
  /** Bytes the device has sent in its shell so far. */
  bytes: z.number().int(),
  /** An unknown host key waiting for the user's word: accept (and record it) or refuse. */
  question: z
    .object({ host: z.string(), port: z.number().int(), keyType: z.string(), fingerprint: z.string(), jumpHost: z.boolean(), knownHostsFile: z.string() })
    .optional(),
  /** Why it failed or stopped, with host and step; credentials masked. */
  message: z.string().optional(),
  /** The kind of failure: `host-key-changed` and `host-key-revoked` are hard stops; `incomplete` a capture cut short. */
  failure: z.string().optional(),
  /** The source the capture became. */
  source: z
    .object({ id: z.string(), name: z.string(), lines: z.number().int(), sha256: z.string(), hostKey: z.string(), trust: z.string() })
    .optional(),
  /** What the capture's evidence warns about (a refused pager setting, a weak algorithm). */
  warnings: z.array(z.string()),
  /** Whether the login was remembered, when that was asked for. */
  note: z.string().optional(),
});

export const pullJobViewSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  running: z.boolean(),
  cancelled: z.boolean(),
  devices: z.array(pullDeviceViewSchema),
});

/** A remembered login as the app lists it: where and who, never the secret. */
export const rememberedLoginSchema = z.object({
  id: z.string(),
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  vendor: z.string(),
  auth: z.enum(SSH_AUTH_METHODS),
  keyFileName: z.string().optional(),
  enable: z.boolean(),
  jump: z.object({ host: z.string(), port: z.number().int(), username: z.string(), auth: z.enum(SSH_AUTH_METHODS) }).optional(),
  savedAt: z.string(),
});

const availability = z.object({ available: z.boolean(), why: z.string().optional() });

/** What the SSH form needs to know before anything is typed. */
export const sshSetupViewSchema = z.object({
  /** Vendors with an SSH profile. */
  vendors: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Whether the app sees an ssh-agent (SSH_AUTH_SOCK). */
  agent: availability,
  /** Whether logins can be remembered: only with the OS keychain (Electron). */
  remember: availability,
  /** The app's own known_hosts, where accepted host keys are recorded. */
  knownHostsFile: z.string(),
  /** Devices pulled at once. */
  concurrency: z.number().int(),
  remembered: z.array(rememberedLoginSchema),
  /** The latest pull, to pick up its progress again after the window reloads. */
  job: pullJobViewSchema.nullable(),
});

export type SshAuth = z.infer<typeof sshAuthSchema>;
export type SshLogin = z.infer<typeof sshLoginSchema>;
export type TypedDevice = z.infer<typeof typedDeviceSchema>;
/** A typed device as the window sends it. */
export type TypedDeviceInput = z.input<typeof typedDeviceSchema>;
export type PullDeviceRequest = z.infer<typeof pullDeviceRequestSchema>;
export type PullDeviceView = z.infer<typeof pullDeviceViewSchema>;
export type PullJobView = z.infer<typeof pullJobViewSchema>;
export type RememberedLogin = z.infer<typeof rememberedLoginSchema>;
export type SshSetupView = z.infer<typeof sshSetupViewSchema>;
