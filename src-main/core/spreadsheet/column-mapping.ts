import type { ObjectField, RuleField } from './column-fields';

/** One column given a meaning, with how sure the reader is and why. */
export interface ColumnAssignment {
  /** 0-based. */
  column: number;
  /** As the program labels it: "D". */
  letter: string;
  /** The header cell as written ('' where the sheet has no header row). */
  header: string;
  /** 0..1: 1 when the user said so, about 0.95 for a known header whose cells fit. */
  confidence: number;
  evidence: string[];
}

/** The layout a rules sheet's header suggests, so the engineer can see it was recognised. */
export type ExportStyle = 'panorama' | 'fortigate' | 'check-point' | 'tufin' | 'generic';

export interface RuleColumnMapping {
  kind: 'rules';
  sheet: string;
  /** 1-based as the program numbers rows; 0 when the data has no header row. */
  headerRow: number;
  style: ExportStyle;
  /** Some of it came from a mapping the user gave (site file `columns:` or a template). */
  explicit: boolean;
  fields: Partial<Record<RuleField, ColumnAssignment>>;
  /** Columns that narrow a rule by user, device or source port, which the matrix does not describe. */
  conditions: (ColumnAssignment & { condition: 'identity' | 'unsupported' })[];
  /** Headers present but not used, so the engineer sees nothing was skipped unnoticed. */
  ignored: { letter: string; header: string }[];
  /** The sequence column orders the rules (No., Seq, Position); an ID column only names them. */
  sequenceOrders: boolean;
  /** The status column is headed "Disabled": yes means the rule is off. */
  statusMeansDisabled: boolean;
}

export interface ObjectColumnMapping {
  kind: 'objects';
  sheet: string;
  headerRow: number;
  fields: Partial<Record<ObjectField, ColumnAssignment>>;
  ignored: { letter: string; header: string }[];
}

export type ColumnMapping = RuleColumnMapping | ObjectColumnMapping;
