import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../../src-main/api';

const TOKEN_KEY = 'wfos-session-token';

/**
 * Serve mode hands the per-run token in the URL fragment; it is kept for this tab only and
 * taken out of the address bar so it is not bookmarked or shared by accident.
 */
function sessionToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function overHttp(name: string, input: unknown): Promise<ApiResult<unknown>> {
  const response = await fetch(`./api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wfos-token': sessionToken() },
    body: JSON.stringify(input),
  });
  return (await response.json()) as ApiResult<unknown>;
}

/** Calls the main process through whichever bridge this renderer runs behind. */
export async function callApi<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = (window.wfosApi ? await window.wfosApi.invoke(name, input) : await overHttp(name, input)) as ApiResult<ApiOutput<N>>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

// Read the token at start-up, before any other script can change the location.
if (!window.wfosApi) sessionToken();
