import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../src-main/api-handlers';
import { startServer, type RunningServer } from '../../src-main/serve/server';

const demoSitePath = fileURLToPath(new URL('../../resources/demo/site.yaml', import.meta.url));
let server: RunningServer;
let root: string;

/** A raw HTTP request, so the Host header and odd paths are sent exactly as given. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(server.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'renderer-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  server = await startServer({ rendererDir, handlers: createApiHandlers({ mode: 'serve', demoSitePath }), token: 'test-token' });
});
afterAll(() => server.close());

describe('serve mode', () => {
  it('listens on loopback only and hands the token in the URL fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.openUrl).toBe(`${server.url}#token=test-token`);
  });

  it('answers API calls that carry the token, validated against api.ts', async () => {
    const ok = await send('/api/getMatrix', { method: 'POST', headers: { 'x-wfos-token': 'test-token' }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).value.rows).toHaveLength(40);

    const badInput = await send('/api/getMatrix', { method: 'POST', headers: { 'x-wfos-token': 'test-token' }, body: '{"id":42}' });
    expect(badInput.status).toBe(400);
    expect(JSON.parse(badInput.body)).toMatchObject({ ok: false, error: expect.stringContaining('getMatrix: invalid request at id') });

    const extraKey = await send('/api/appInfo', { method: 'POST', headers: { 'x-wfos-token': 'test-token' }, body: '{"__proto__":{"x":1}}' });
    expect(extraKey.status).toBe(400);

    const demo = await send('/api/auditDemoSite', { method: 'POST', headers: { 'x-wfos-token': 'test-token' }, body: '{}' });
    expect(JSON.parse(demo.body).value.summary.flows).toMatchObject({ partial: 2, blocked: 1 });

    const unknown = await send('/api/deleteEverything', { method: 'POST', headers: { 'x-wfos-token': 'test-token' }, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: 'unknown call "deleteEverything"' });

    const notJson = await send('/api/appInfo', { method: 'POST', headers: { 'x-wfos-token': 'test-token' }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('refuses API calls without the right token', async () => {
    expect((await send('/api/getMatrix', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await send('/api/getMatrix', { method: 'POST', headers: { 'x-wfos-token': 'test-tokem' }, body: '{}' })).status).toBe(401);
  });

  it('refuses a Host header that is not the loopback address (DNS rebinding)', async () => {
    const rebound = await send('/', { headers: { host: 'attacker.example:80' } });
    expect(rebound.status).toBe(421);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).not.toMatch(/https?:/);
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..\\secret.txt', '/%00']) {
      const response = await send(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    }
  });
});
