/**
 * A signing certificate (.p12/.pfx) holds a key and a short chain: 64 KiB is far more than one
 * needs. Free of imports, so the renderer can check a picked file before sending it.
 */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;
