import { z } from 'zod';
import { auditResultSchema } from './core/engine/audit-result';
import { matrixSchema } from './core/matrix/schema';

/**
 * The one table of calls between the renderer and the main process. Electron's IPC bridge
 * and the loopback HTTP server both dispatch through it, and both validate every payload
 * against these schemas before a handler sees it. This module stays free of Node and DOM
 * so the renderer can import its types.
 */
export const api = {
  /** Product name and version, for the title bar and the report. */
  appInfo: {
    input: z.object({}).strict(),
    output: z.object({ name: z.string(), version: z.string(), mode: z.enum(['electron', 'serve']) }),
  },
  /** A port matrix shipped with the product; the default one when no id is given. */
  getMatrix: {
    input: z.object({ id: z.string().min(1).max(100).optional() }).strict(),
    output: matrixSchema,
  },
  /** The demo site (resources/demo) audited: what the app shows on first run. */
  auditDemoSite: {
    input: z.object({}).strict(),
    output: auditResultSchema,
  },
} as const;

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiInput<N extends ApiName> = z.input<Api[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<Api[N]['output']>;

/** What the main process implements: one async function per call. */
export type ApiHandlers = { [N in ApiName]: (input: z.output<Api[N]['input']>) => Promise<ApiOutput<N>> };

/** A call's result as it crosses the process boundary: errors travel as data, never as stacks. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(api, name);
}
