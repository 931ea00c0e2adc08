/// <reference types="svelte" />
/// <reference types="vite/client" />

interface Window {
  /** Set by the Electron preload; absent in a browser, where the HTTP transport is used. */
  wfosApi?: { invoke(name: string, input: unknown): Promise<unknown> };
}
