// e2e/sign-out.spec.ts. playwright.config.ts sets `use: { baseURL }` to your app's test build, whose provider talks to
// the emulator under its own origin: <clerk-provider publishable-key="pk_live_Y2xlcmsuZXhhbXBsZS5jb20k" proxy-url="/__clerk">
// (e.g. built with the values of .env.development above).
import { expect, test } from '@playwright/test';
import { startClerkEmulator, type RunningClerkEmulator } from 'clerk-sign-out-elements/testing/node';

let clerk: RunningClerkEmulator | undefined;
// Each worker starts its own emulator on a free port: workers, and an emulator you run meanwhile, never collide.
test.beforeAll(async () => {
  clerk = await startClerkEmulator();
});
// If the start failed, that error is the one reported: closing never throws on top of it.
test.afterAll(async () => {
  await clerk?.close();
});
// The page's requests to /__clerk go to this worker's emulator, wherever it listens.
test.beforeEach(async ({ page }) => {
  const emulator = clerk!.url;
  await page.route('**/__clerk/**', (route) => {
    const { pathname, search } = new URL(route.request().url());
    return route.continue({ url: emulator + pathname + search });
  });
});

test('a signed-in user signs out, and the server agrees', async ({ page }) => {
  const tenant = clerk!.emulator.tenant(); // the one proxy-url="/__clerk" talks to
  tenant.reset(); // nobody signed in
  tenant.signIn(tenant.createUser({ firstName: 'Ada', lastName: 'Lovelace' }).id);
  await page.goto('/');
  await expect(page.getByText('You are signed in.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  expect(tenant.sessions).toHaveLength(0);
});
