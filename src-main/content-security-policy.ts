/**
 * The renderer's Content-Security-Policy, sent by serve mode as a header and by Electron for
 * every response of the app's own protocol. No remote origin appears anywhere: the product
 * works offline and must never load code or fonts from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Svelte sets style attributes for transitions and dynamic widths; no remote styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
