import { z } from 'zod';

/**
 * The shape of a port matrix file (resources/matrices/*.json, or one a user imports).
 * Everything that reads a matrix goes through this schema, so a hand edit that breaks
 * the data fails at load time with the path of the bad field.
 */

const portNumber = z.number().int().min(1).max(65535);

/** A destination port as the document lists it: a single port or a "low-high" range. */
export const portEntrySchema = z.union([
  portNumber,
  z
    .string()
    .regex(/^\d{1,5}-\d{1,5}$/, 'a port range is written "low-high"')
    .refine((text) => {
      const [low, high] = text.split('-').map(Number) as [number, number];
      return low >= 1 && high <= 65535 && low <= high;
    }, 'a port range needs 1 <= low <= high <= 65535'),
]);

const noteSchema = z.object({ code: z.string().min(1), text: z.string().min(1) });

export const roleKindSchema = z.enum(['component', 'external', 'client', 'group']);

export const roleSchema = z.object({
  name: z.string().min(1),
  kind: roleKindSchema,
  aliases: z.array(z.string().min(1)),
  /** A more specific form of another role (Primary Recorder of Recorder): its addresses serve that role too. */
  variantOf: z.string().min(1).optional(),
  description: z.string(),
  note: z.string().optional(),
});

export const matrixRowSchema = z.object({
  row: z.number().int().min(1),
  /** Source and destination exactly as the document writes them. */
  source: z.string().min(1),
  destination: z.string().min(1),
  /** The canonical roles they stand for. */
  sourceRole: z.string().min(1),
  destinationRole: z.string().min(1),
  sourcePorts: z.literal('ephemeral'),
  transport: z.enum(['tcp', 'udp']),
  ports: z.array(portEntrySchema).min(1),
  /** The ports cell as written, kept so a transcription slip can be caught. */
  portsText: z.string().min(1),
  configurable: z.boolean(),
  protocol: z.string().min(1),
  optional: z.boolean(),
  optionalText: z.string(),
  defaultState: z.enum(['open', 'closed', 'filtered']),
  description: z.string(),
  notes: z.array(noteSchema),
});

export const matrixSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  product: z.string().min(1),
  version: z.string().min(1),
  source: z.object({
    document: z.string(),
    issue: z.string().optional(),
    date: z.string().optional(),
    table: z.string().optional(),
  }),
  headings: z.record(z.string(), z.string()),
  nics: z.array(z.object({ name: z.string(), description: z.string() })),
  components: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      interfaces: z.array(z.string()),
      description: z.string(),
    }),
  ),
  roles: z.array(roleSchema).min(1),
  rows: z.array(matrixRowSchema).min(1),
  notes: z.array(noteSchema),
});

export type PortEntry = z.infer<typeof portEntrySchema>;
export type RoleKind = z.infer<typeof roleKindSchema>;
export type Role = z.infer<typeof roleSchema>;
export type MatrixRow = z.infer<typeof matrixRowSchema>;
export type Matrix = z.infer<typeof matrixSchema>;
