/** The single IPC channel the preload bridge and the main process share. */
export const API_CHANNEL = 'wfos:api';
/** The app's own scheme: the renderer is served from it, never from file:// or the network. */
export const APP_SCHEME = 'wfos';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
