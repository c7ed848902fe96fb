// Input that behaves the same in Chromium, Firefox and WebKit, and the OS's colour scheme where the engine can emulate
// it (see test/support/engine-commands.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Presses a key for real (the engine's own input events), with modifiers held, written as `Shift+Tab` or `Control+Home`.
 * `Space` is the space bar in every engine.
 */
export async function pressKeys(keys: string): Promise<void> {
  await executeServerCommand('press-keys', { keys: keys.split('+') });
}

/**
 * Gives the test page the browser's focus. In Chromium a page run beside another (concurrency 2) can be a background
 * page until it gets input: nothing in it matches :focus or :focus-visible, and the pointer cannot reach it. A key
 * press (Shift alone: it does nothing else) is input.
 */
export async function focusPage(): Promise<void> {
  await pressKeys('Shift');
}

/**
 * Makes the browser prefer `scheme` (`prefers-color-scheme`, and what `color-scheme: light dark` resolves to), where it
 * can be told at run time: Chromium (CDP). Resolves false elsewhere (WebDriver BiDi and WebDriver classic have no such
 * command): skip there, or give a framed page its preference (test/support/page-frame.ts).
 */
export async function emulateColorScheme(scheme: 'light' | 'dark'): Promise<boolean> {
  return executeServerCommand<boolean, { scheme: string }>('emulate-color-scheme', { scheme });
}

/** A node of the engine's accessibility tree (what assistive technology is given). */
export interface AccessibilityNode {
  role: string;
  name: string;
  children: AccessibilityNode[];
}

/**
 * The page's accessibility tree as the engine exposes it to assistive technology, where a test can read it: Chromium
 * (CDP). Resolves `null` elsewhere: check roles, visibility and axe there instead.
 */
export async function accessibilityTree(): Promise<AccessibilityNode | null> {
  return (await executeServerCommand<AccessibilityNode | false, object>('accessibility-tree', {})) || null;
}

/** Every node of the tree with this role, and the text inside each (its name, or its descendants' names). */
export function nodesWithRole(tree: AccessibilityNode, role: string): Array<{ node: AccessibilityNode; text: string }> {
  const text = (node: AccessibilityNode): string =>
    [node.name, ...node.children.map(text)].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const found: Array<{ node: AccessibilityNode; text: string }> = [];
  const walk = (node: AccessibilityNode) => {
    if (node.role === role) found.push({ node, text: node.name || node.children.map(text).join(' ').trim() });
    node.children.forEach(walk);
  };
  walk(tree);
  return found;
}

/**
 * Makes the test page the browser's front tab, visible. In Chromium a page run beside another (concurrency 2) may be a
 * background tab, whose timers the browser throttles (clerk-js's token refresh among them). Resolves false where the
 * engine runs one page at a time (WebKit).
 */
export async function bringToFront(): Promise<boolean> {
  return executeServerCommand<boolean, object>('bring-to-front', {});
}
