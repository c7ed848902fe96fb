// Types for the part of @playwright/test that sign-out.spec.ts uses (the same shapes as Playwright's own), so
// `npm run typecheck` checks the snippet's use of this package's API without Playwright installed. At run time
// test/snippets/snippets.test.mjs gives it shim/index.mjs.
declare module '@playwright/test' {
  export interface Locator {
    click(): Promise<void>;
  }
  export interface Request {
    url(): string;
  }
  export interface Route {
    request(): Request;
    continue(overrides?: { url?: string }): Promise<void>;
  }
  export interface Page {
    goto(url: string): Promise<unknown>;
    getByText(text: string): Locator;
    getByRole(role: string, options?: { name?: string }): Locator;
    route(url: string, handler: (route: Route) => Promise<void> | void): Promise<void>;
  }
  interface Test {
    (title: string, body: (fixtures: { page: Page }) => Promise<void>): void;
    beforeAll(body: () => Promise<unknown> | unknown): void;
    afterAll(body: () => Promise<unknown> | unknown): void;
    beforeEach(body: (fixtures: { page: Page }) => Promise<unknown> | unknown): void;
  }
  export const test: Test;
  export function expect(locator: Locator): { toBeVisible(): Promise<void> };
  export function expect<T extends { length: number }>(value: T): { toHaveLength(length: number): void };
}
