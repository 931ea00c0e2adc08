import { expect, test } from './workstation-fixture';

test('serve mode refuses API calls without the session token', async ({ page, serveUrl }) => {
  const origin = new URL(serveUrl!).origin;
  const response = await page.request.post(`${origin}/api/getMatrix`, { data: {} });
  expect(response.status()).toBe(401);
  const traversal = await page.request.get(`${origin}/..%2f..%2fpackage.json`);
  expect(traversal.status()).toBe(404);
});
