/** How long each step may take before the collection gives up on it, in milliseconds. */
export interface StepTimeouts {
  /** TCP connection and key exchange, up to the host key being presented. */
  connect: number;
  /** From the host key being accepted to a logged-in session. */
  auth: number;
  /** Waiting for the device's prompt: after login, after enable, after a setup command. */
  prompt: number;
  /** Silence in the middle of a command's output: no new byte for this long. */
  command: number;
  /** One command's output in total, however steadily it arrives. */
  commandTotal: number;
}

export const DEFAULT_TIMEOUTS: StepTimeouts = {
  connect: 15_000,
  auth: 30_000,
  prompt: 30_000,
  command: 60_000,
  commandTotal: 15 * 60_000,
};

export function resolveTimeouts(overrides: Partial<StepTimeouts> = {}): StepTimeouts {
  const merged = { ...DEFAULT_TIMEOUTS };
  for (const key of Object.keys(merged) as (keyof StepTimeouts)[]) {
    const value = overrides[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** "15 s", "250 ms": how long, for messages. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
