// e2e/sign-out.spec.ts. playwright.config.ts sets `use: { baseURL }` to your app, whose test build has
// <clerk-provider publishable-key="pk_live_Y2xlcmsuZXhhbXBsZS5jb20k" proxy-url="http://127.0.0.1:4010/__clerk">.
import { expect, test } from '@playwright/test';
import { startClerkEmulator, type RunningClerkEmulator } from 'clerk-sign-out-elements/testing/node';

let clerk: RunningClerkEmulator;
// One emulator on port 4010 per worker: run with `--workers=1` (or give each worker a port of its own).
test.beforeAll(async () => {
  clerk = await startClerkEmulator({ port: 4010 });
});
test.afterAll(() => clerk.close());

test('a signed-in user signs out, and the server agrees', async ({ page }) => {
  const tenant = clerk.emulator.tenant(); // the one proxy-url=".../__clerk" talks to
  tenant.reset(); // nobody signed in
  tenant.signIn(tenant.createUser({ firstName: 'Ada', lastName: 'Lovelace' }).id);
  await page.goto('/');
  await expect(page.getByText('You are signed in.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  expect(tenant.sessions).toHaveLength(0);
});
