import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from './ipc-channel';

/**
 * The renderer's only door to the main process: one function, one channel. The main process
 * validates every call against api.ts, so nothing else needs exposing here.
 */
contextBridge.exposeInMainWorld('wfosApi', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, name, input),
});
