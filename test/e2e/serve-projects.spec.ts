import { expect, test } from './workstation-fixture';

test('serve mode opens and saves projects only by name inside the projects folder', async ({ page, serveUrl }) => {
  const url = new URL(serveUrl!);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const call = (name: string, data: unknown) => page.request.post(`${url.origin}/api/${name}`, { data, headers: { 'x-wfos-token': token } });

  for (const name of ['../../etc/passwd', '/etc/passwd', '..\\..\\secret', '.hidden']) {
    const response = await call('projectOpen', { name });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatch(/a project name cannot/);
  }
  await call('projectNew', {});
  const escape = await call('projectSave', { name: '../outside' });
  expect((await escape.json()).error).toMatch(/cannot contain/);
  // A path is not a parameter at all: the schema refuses it before any handler runs.
  const byPath = await call('projectOpen', { path: '/etc/passwd' });
  expect((await byPath.json()).error).toMatch(/projectOpen: invalid request/);
});
