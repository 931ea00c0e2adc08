import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { rememberedLoginSchema, sshAuthSchema, type RememberedLogin, type TypedDevice } from './pull-job-schema';
import { writeWhole } from './save';

/**
 * Encryption by the operating system's keychain (Electron's safeStorage), injected so that
 * everything else runs and is tested under plain Node.
 */
export interface SecretEncryption {
  /** Why nothing can be sealed here (no keychain, a fallback that is no real protection), or undefined. */
  unavailableReason(): string | undefined;
  encrypt(plainText: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

const LOGINS_FORMAT = 'wfos-audit/ssh-logins';
const MAX_LOGINS = 200;

/** The secrets of one login, sealed as one blob: never on disk in clear. */
const sealedSecretsSchema = z
  .object({ auth: sshAuthSchema, enablePassword: z.string().optional(), jumpAuth: sshAuthSchema.optional() })
  .strict();
const storedLoginSchema = rememberedLoginSchema.extend({ sealed: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) });
const loginsFileSchema = z.object({ format: z.literal(LOGINS_FORMAT), logins: z.array(storedLoginSchema).max(MAX_LOGINS) });

type StoredLogin = z.infer<typeof storedLoginSchema>;

/**
 * Logins the engineer asked the app to remember, in one file in the app's settings folder:
 * where and who in clear (to list them without unsealing anything), the secrets sealed by the
 * OS keychain. Without a keychain nothing is remembered, and `availability()` says why. A
 * damaged file reads as empty and is replaced by the next login remembered: it is a
 * convenience, never a reason to stop working.
 */
export class CredentialVault {
  constructor(
    readonly file: string,
    private readonly encryption: SecretEncryption | undefined,
    /** Why there is no encryption at all (serve mode), for the form. */
    private readonly withoutEncryption = 'this app has no OS keychain to keep them in',
  ) {}

  availability(): { available: boolean; why?: string } {
    const why = this.encryption ? this.encryption.unavailableReason() : this.withoutEncryption;
    return why === undefined ? { available: true } : { available: false, why };
  }

  list(): RememberedLogin[] {
    return this.read().map(({ sealed: _sealed, ...login }) => login);
  }

  /** Seals a device's login and keeps it, replacing the one for the same user, host and jump host. */
  remember(device: TypedDevice, now = new Date()): RememberedLogin {
    const encryption = this.usableEncryption();
    const secrets = { auth: device.login.auth, ...(device.enablePassword !== undefined && { enablePassword: device.enablePassword }), ...(device.jump && { jumpAuth: device.jump.login.auth }) };
    const sealed = encryption.encrypt(JSON.stringify(secrets)).toString('base64');
    const logins = this.read();
    const same = logins.find((login) => sameLogin(login, device));
    const login: RememberedLogin = {
      id: same?.id ?? randomUUID(),
      host: device.host,
      port: device.port,
      username: device.login.username,
      vendor: device.vendor,
      auth: device.login.auth.method,
      ...(device.login.auth.method === 'key' && { keyFileName: device.login.auth.keyFileName }),
      enable: device.enablePassword !== undefined,
      ...(device.jump && { jump: { host: device.jump.host, port: device.jump.port, username: device.jump.login.username, auth: device.jump.login.auth.method } }),
      savedAt: now.toISOString(),
    };
    this.write([...logins.filter((item) => item !== same), { ...login, sealed }]);
    return login;
  }

  /** A remembered login, unsealed, as the form would have sent it. */
  recall(id: string): TypedDevice {
    const stored = this.read().find((login) => login.id === id);
    if (!stored) throw new Error('that remembered login is no longer kept: type it again');
    const who = `${stored.username}@${stored.host}:${stored.port}`;
    let secrets: z.infer<typeof sealedSecretsSchema>;
    try {
      secrets = sealedSecretsSchema.parse(JSON.parse(this.usableEncryption().decrypt(Buffer.from(stored.sealed, 'base64'))));
    } catch (error) {
      throw new Error(`the remembered login for ${who} cannot be unsealed (${(error as Error).message.split('\n')[0]}): forget it and type it again`);
    }
    if (stored.jump && !secrets.jumpAuth) throw new Error(`the remembered login for ${who} has lost its jump host's login: forget it and type it again`);
    return {
      kind: 'typed',
      host: stored.host,
      port: stored.port,
      vendor: stored.vendor,
      login: { username: stored.username, auth: secrets.auth },
      ...(secrets.enablePassword !== undefined && { enablePassword: secrets.enablePassword }),
      ...(stored.jump && secrets.jumpAuth && { jump: { host: stored.jump.host, port: stored.jump.port, login: { username: stored.jump.username, auth: secrets.jumpAuth } } }),
      remember: false,
    };
  }

  forget(id: string): RememberedLogin[] {
    const logins = this.read();
    const kept = logins.filter((login) => login.id !== id);
    if (kept.length !== logins.length) this.write(kept);
    return this.list();
  }

  private usableEncryption(): SecretEncryption {
    const { available, why } = this.availability();
    if (!available || !this.encryption) throw new Error(`logins cannot be remembered: ${why ?? this.withoutEncryption}`);
    return this.encryption;
  }

  private read(): StoredLogin[] {
    if (!existsSync(this.file)) return [];
    try {
      const parsed = loginsFileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.logins : [];
    } catch {
      return [];
    }
  }

  private write(logins: StoredLogin[]): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeWhole(this.file, `${JSON.stringify({ format: LOGINS_FORMAT, logins: logins.slice(-MAX_LOGINS) }, null, 2)}\n`);
  }
}

function sameLogin(login: RememberedLogin, device: TypedDevice): boolean {
  const jump = device.jump ? `${device.jump.login.username}@${device.jump.host}:${device.jump.port}` : '';
  const loginJump = login.jump ? `${login.jump.username}@${login.jump.host}:${login.jump.port}` : '';
  return login.host === device.host && login.port === device.port && login.username === device.login.username && loginJump === jump;
}
