import { z } from 'zod';

export const RECENT_FORMAT = 'wfos-audit/recent';

/** One audit in the recent list: where it is saved and what it is about. */
export const recentEntrySchema = z
  .object({
    path: z.string().min(1).max(4096),
    customer: z.string().max(200),
    site: z.string().max(200),
    savedAt: z.string().max(40),
  })
  .strict();

export const recentFileSchema = z.object({ format: z.literal(RECENT_FORMAT), entries: z.array(recentEntrySchema).max(100) }).strict();

export type RecentEntry = z.infer<typeof recentEntrySchema>;
