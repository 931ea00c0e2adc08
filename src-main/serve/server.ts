import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_REQUEST_BYTES, type ApiHandlers } from '../api';
import { dispatchApiCall } from '../api-dispatch';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { readStaticFile } from './static-files';

export interface ServeOptions {
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  handlers: ApiHandlers;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The URL to open: carries the per-run token in the fragment, which never reaches a log. */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

// One source file of the largest size api.ts accepts, in base64 inside JSON.
const MAX_BODY_BYTES = MAX_REQUEST_BYTES;
export const TOKEN_HEADER = 'x-wfos-token';

/**
 * The app's api.ts over HTTP on the loopback interface, for a browser and for end-to-end
 * tests. Only this machine can connect, every API call needs the per-run token, and the Host
 * header must name the loopback address so that a web page elsewhere cannot rebind a DNS
 * name onto this port.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(`the renderer is not built (${options.rendererDir}/index.html is missing): run npm run build`);
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer((request, response) => {
    handleRequest(request, response, options, token).catch((error: unknown) => {
      send(response, 500, 'application/json', JSON.stringify({ ok: false, error: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return { url, openUrl: `${url}#token=${token}`, token, close: () => closeServer(server) };
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, options: ServeOptions, token: string) {
  const port = (request.socket.address() as AddressInfo).port;
  if (!isLoopbackHost(request.headers.host, port)) return send(response, 421, 'text/plain', 'wrong host');
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;

  if (path.startsWith('/api/')) {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'POST only');
    if (!tokenMatches(request.headers[TOKEN_HEADER], token)) return send(response, 401, 'application/json', JSON.stringify({ ok: false, error: 'missing or wrong session token' }));
    let payload: unknown;
    try {
      payload = JSON.parse((await readBody(request)) || '{}');
    } catch (error) {
      return send(response, 400, 'application/json', JSON.stringify({ ok: false, error: `request body: ${(error as Error).message}` }));
    }
    const result = await dispatchApiCall(options.handlers, path.slice('/api/'.length), payload);
    return send(response, result.ok ? 200 : 400, 'application/json', JSON.stringify(result));
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only');
  const file = await readStaticFile(options.rendererDir, path);
  if (!file) return send(response, 404, 'text/plain', 'not found');
  return send(response, 200, file.contentType, request.method === 'HEAD' ? '' : file.body);
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer) {
  response.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  response.end(body);
}

function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`larger than ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
