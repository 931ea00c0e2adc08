import { type ApiHandlers, type ApiResult, api, isApiName } from './api';

/**
 * Validates a call that arrived from the renderer and runs its handler. Everything from the
 * other side is untrusted: an unknown name or a payload that does not fit the schema is
 * refused here, before any handler runs.
 */
export async function dispatchApiCall(handlers: ApiHandlers, name: unknown, payload: unknown): Promise<ApiResult<unknown>> {
  if (!isApiName(name)) return { ok: false, error: `unknown call "${String(name).slice(0, 60)}"` };
  const parsed = api[name].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${name}: invalid request at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}` };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

