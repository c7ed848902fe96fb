import type { ClerkUserMenu } from '../../../src/index.js';
import { connectEmulator, type EmulatorConnection, type EmulatorSession } from '../../../src/testing/index.js';
import { waitFor } from './real-clerk.js';

/** A fresh tenant where Ada and then Grace signed in on this client: Grace's session is the active one. */
export async function adaAndGrace(): Promise<{ emulator: EmulatorConnection; ada: EmulatorSession; grace: EmulatorSession }> {
  const emulator = connectEmulator();
  await emulator.reset();
  const ada = await emulator.signIn(await emulator.createUser({ firstName: 'Ada', lastName: 'Lovelace' }));
  const grace = await emulator.signIn(await emulator.createUser({ firstName: 'Grace', lastName: 'Hopper' }));
  return { emulator, ada, grace };
}

/** Opens the menu with a click on the avatar and resolves with the built-in item of that part (e.g. `sign-out`). */
export async function menuItem(menu: ClerkUserMenu, part: string, text?: string): Promise<HTMLElement> {
  const root = menu.shadowRoot!;
  if (!menu.open) root.querySelector<HTMLElement>('[part~="trigger"]')!.click();
  await waitFor(() => menu.open, 'the menu to open');
  await menu.updateComplete;
  const items = [...root.querySelectorAll<HTMLElement>(`[part~="item"][part~="${part}"]`)];
  const item = items.find((candidate) => !text || candidate.textContent?.includes(text));
  if (!item) throw new Error(`no ${part} item${text ? ` with "${text}"` : ''} in the menu`);
  return item;
}

/** The name the menu's trigger shows (with `show-name`). */
export const shownName = (menu: ClerkUserMenu) => menu.shadowRoot!.querySelector('[part~="name"]')?.textContent?.trim() ?? null;
