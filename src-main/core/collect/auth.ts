import type { AnyAuthMethod, AuthenticationType, AuthHandlerMiddleware, KeyboardInteractiveCallback, ParsedKey, Prompt } from 'ssh2';
import { CollectError } from './errors';
import { parseKey } from './ssh2-runtime';

/**
 * How to log in. Secrets live only in memory, for one collection; they are never written,
 * logged or put in a message (every session redacts them from what it keeps).
 */
export interface SshCredentials {
  username: string;
  password?: string;
  /** A private key (OpenSSH or PEM), with its passphrase when encrypted. */
  privateKey?: { key: Buffer | string; passphrase?: string; source: string };
  /** ssh-agent's socket (SSH_AUTH_SOCK). */
  agentSocket?: string;
  /** Answer keyboard-interactive password prompts with the password (default: when a password is given). */
  keyboardInteractive?: boolean;
}

/** Every secret in a set of credentials, for the redactor. */
export function secretsOf(credentials: SshCredentials): string[] {
  return [credentials.password, credentials.privateKey?.passphrase].filter((secret): secret is string => Boolean(secret));
}

/** The authentication step of one connection: which methods, in which order, and what was tried. */
export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  /** Method names tried so far, in order. */
  tried: string[];
  /** Why the last attempt could not succeed, when the plan knows (a prompt it would not answer). */
  notes: string[];
  /** The methods the server said it accepts, once it has refused one. */
  serverAccepts: AuthenticationType[] | undefined;
}

/**
 * Public key first, then the agent, then the password, then keyboard-interactive, each only
 * when the server still accepts it. The key is parsed up front, so a wrong passphrase is
 * said before any connection is made.
 */
export function planAuthentication(credentials: SshCredentials, label: string): AuthPlan {
  const { username } = credentials;
  const methods: AnyAuthMethod[] = [];
  if (credentials.privateKey) methods.push({ type: 'publickey', username, key: parsePrivateKey(credentials.privateKey, label) });
  if (credentials.agentSocket) methods.push({ type: 'agent', username, agent: credentials.agentSocket });
  const { password } = credentials;
  if (password !== undefined) {
    methods.push({ type: 'password', username, password });
    if (credentials.keyboardInteractive ?? true) {
      methods.push({ type: 'keyboard-interactive', username, prompt: (_name, _instructions, _lang, prompts, finish) => answerPrompts(prompts, password, finish, plan) });
    }
  }
  if (methods.length === 0) throw new CollectError(label, 'credentials', 'bad-input', 'no way to log in: give a password, a private key, or an ssh-agent');
  const plan: AuthPlan = {
    tried: [],
    notes: [],
    serverAccepts: undefined,
    handler: (methodsLeft, _partialSuccess, next) => {
      if (methodsLeft) plan.serverAccepts = methodsLeft;
      for (let method = methods.shift(); method; method = methods.shift()) {
        const wire = method.type === 'agent' ? 'publickey' : method.type;
        if (methodsLeft && !methodsLeft.includes(wire)) continue;
        plan.tried.push(method.type);
        return next(method);
      }
      // ssh2 types the callback as taking a method, but documents false for "nothing left".
      return (next as (method: AnyAuthMethod | false) => void)(false);
    },
  };
  return plan;
}

function answerPrompts(prompts: Prompt[], password: string, finish: KeyboardInteractiveCallback, plan: AuthPlan): void {
  const unanswerable = prompts.find((prompt) => !/pass(word|code|phrase)?\s*:?\s*$/i.test(prompt.prompt.trim()));
  if (unanswerable) {
    plan.notes.push(`keyboard-interactive asked "${unanswerable.prompt.trim()}", which is not a password prompt and is not answered`);
    return finish([]);
  }
  finish(prompts.map(() => password));
}

/** "authentication failed (tried publickey, password; the device accepts keyboard-interactive)". */
export function describeAuthFailure(plan: AuthPlan): string {
  const tried = plan.tried.length > 0 ? `tried ${plan.tried.join(', ')}` : 'no method the device accepts was available';
  const accepts = plan.serverAccepts && plan.serverAccepts.length > 0 ? `; the device accepts ${plan.serverAccepts.join(', ')}` : '';
  const notes = plan.notes.length > 0 ? `; ${plan.notes.join('; ')}` : '';
  return `authentication failed (${tried}${accepts}${notes})`;
}

function parsePrivateKey(privateKey: NonNullable<SshCredentials['privateKey']>, label: string): ParsedKey {
  const parsed = parseKey(privateKey.key, privateKey.passphrase);
  const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey | undefined) : parsed;
  if (key instanceof Error || key === undefined) {
    const message = key instanceof Error ? key.message : 'no key in the file';
    const why = /no passphrase given/i.test(message)
      ? 'the key is encrypted and no passphrase was given'
      : privateKey.passphrase !== undefined && /integrity check failed|decrypt/i.test(message)
        ? 'wrong passphrase'
        : message;
    throw new CollectError(label, 'credentials', 'bad-input', `cannot use the private key ${privateKey.source}: ${why}`);
  }
  return key;
}
