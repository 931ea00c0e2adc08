import type { FlowStatus, Severity } from '../engine/audit-result';

/**
 * Colours that survive a black-and-white printer as different greys and a colour-blind reader
 * as different hues; the diagram also varies the line pattern, so colour is never the only cue.
 */
export const STATUS_COLOURS: Record<FlowStatus, string> = {
  allowed: '#2e7d32',
  partial: '#e67e00',
  blocked: '#c62828',
  'not-applicable': '#8a8a8a',
  unknown: '#6a1b9a',
};

/** Light tints of the same colours, for table cells: dark text stays readable on them. */
export const STATUS_TINTS: Record<FlowStatus, string> = {
  allowed: '#e3f1e4',
  partial: '#fdebd0',
  blocked: '#f8d7d7',
  'not-applicable': '#eeeeee',
  unknown: '#ecdff3',
};

export const SEVERITY_TINTS: Record<Severity, string> = {
  critical: '#f4c7c7',
  high: '#fbdcc4',
  medium: '#fcefc2',
  low: '#d9e7f7',
  info: '#e8ecef',
};

export const INK = '#1a1a1a';
export const MUTED = '#5f6368';
export const RULE_LINE = '#c8ccd0';
export const HEADER_FILL = '#e8ecf1';
export const CODE_FILL = '#f3f4f6';
export const PASS_COLOUR = '#2e7d32';
export const FAIL_COLOUR = '#c62828';
