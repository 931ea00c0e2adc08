/**
 * What the session needs to know about one vendor's command line, and nothing more: the
 * session code drives any device through this, so FortiGate, PAN-OS, SRX, Linux or Windows
 * OpenSSH plug in as one more profile without touching it.
 */

/** Where the CLI is: read-only, privileged (may show everything), or configuring (must not be). */
export type PromptMode = 'user' | 'privileged' | 'config';

export interface PromptMatch {
  /** The part of the prompt that stays the same across modes (`fw01`, `fw01/admin`). */
  base: string;
  mode: PromptMode;
  /** The prompt as shown, trimmed. */
  text: string;
}

/** What a captured output is for; `configuration` is the one the audit reads. */
export type CapturePurpose = 'configuration' | 'version' | 'hit-counts' | 'routes' | 'interfaces' | 'other';

export interface CaptureCommand {
  command: string;
  purpose: CapturePurpose;
  /** Says why output that came back whole is still not the whole thing (no `: end`), or undefined. */
  incompleteBecause?(lines: readonly string[]): string | undefined;
}

/** Session-only settings sent before capturing; a refusal is a warning, not a failure. */
export interface SetupCommand {
  command: string;
  /** What it means for the capture when the device refuses it. */
  ifRefused: string;
}

/** The only commands a profile may send: exact commands, or patterns anchored at both ends. */
export interface CommandAllowlist {
  exact: readonly string[];
  patterns?: readonly RegExp[];
}

export interface SshVendorProfile {
  /** The vendor id of src-main/core/vendors (`cisco-asa`). */
  vendor: string;
  name: string;
  /** What Enter sends. */
  newline: string;
  /** PTY size: wide, so that long lines are not wrapped by the device. */
  terminal: { cols: number; rows: number };
  /** Classifies the line the device is writing when it stops; undefined when it is no prompt. */
  matchPrompt(line: string): PromptMatch | undefined;
  /** How to get from user to privileged mode, when captures need it. */
  privilege?: {
    command: string;
    /** The device asking for the privilege password. */
    passwordPrompt: RegExp;
  };
  /** A pager prompt that waits for a key, and the key that shows the next page. */
  pager: { prompt: RegExp; nextPage: ' ' | '\r' | '\n' };
  /** Output lines saying the device refused a command (`ERROR: % Invalid input ...`). */
  refusal: RegExp;
  setup: readonly SetupCommand[];
  /** Run in order; exactly one has purpose `configuration`. */
  captures: readonly CaptureCommand[];
  allowlist: CommandAllowlist;
  /** Facts for the evidence, from the captured outputs (by purpose). */
  deviceFacts(outputs: ReadonlyMap<CapturePurpose, readonly string[]>): { hostname?: string; version?: string };
}
