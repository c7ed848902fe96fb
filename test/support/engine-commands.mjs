// Server commands that work the same in the three engines (test/support/engine.ts calls them from the page):
//   press-keys            a key with modifiers held (`['Shift', 'Tab']`): puppeteer's keyboard in Chromium (CDP) and Firefox
//                         (BiDi); raw WebDriver key actions in WebKit, where WTR's sendKeys only knows `press` and `type`
//   emulate-color-scheme  prefers-color-scheme through CDP where the engine has it (Chromium); answers false elsewhere
//                         (WebDriver BiDi and WebDriver classic have no such command)
//   offline-window        takes the page offline for a while through the engine's own network emulation (CDP in
//                         Chromium, WebDriver BiDi in Firefox); answers false in WebKit (WebDriver classic has none).
//                         It answers BEFORE going offline and comes back online by itself: going offline also cuts the
//                         page's connection to the test runner, so no command could be answered meanwhile
//   accessibility-tree    the page's accessibility tree as the engine exposes it (CDP: Chromium), as
//                         { role, name, children } nodes; answers false elsewhere
//   bring-to-front        makes the test page the browser's front tab (puppeteer: Chromium, Firefox); answers false in
//                         WebKit, which runs one page at a time

/** WebDriver's code points for named keys (https://w3c.github.io/webdriver/#keyboard-actions). */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  ' ': '\uE00D',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

/** One spelling for every engine: puppeteer over BiDi and WebDriver know the space key only as ' '. */
function normalize(key) {
  return key === 'Space' ? ' ' : key;
}

function webdriverKey(key) {
  const value = WEBDRIVER_KEYS[key] ?? (key.length === 1 ? key : undefined);
  if (value === undefined) throw new Error(`press-keys: no WebDriver key for "${key}"`);
  return value;
}

function isKeysPayload(payload) {
  return (
    Array.isArray(payload?.keys) && payload.keys.length > 0 && payload.keys.every((key) => typeof key === 'string')
  );
}

export function engineCommandsPlugin() {
  return {
    name: 'engine-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'press-keys') {
        if (!isKeysPayload(payload))
          throw new Error('press-keys: give { keys: string[] }, e.g. { keys: ["Shift", "Tab"] }');
        const keys = payload.keys.map(normalize);
        const modifiers = keys.slice(0, -1);
        const key = keys[keys.length - 1];
        if (session.browser.type === 'puppeteer') {
          const { keyboard } = session.browser.getPage(session.id);
          for (const modifier of modifiers) await keyboard.down(modifier);
          await keyboard.press(key);
          for (const modifier of [...modifiers].reverse()) await keyboard.up(modifier);
          return true;
        }
        if (session.browser.type === 'webdriver') {
          const codes = keys.map(webdriverKey);
          const actions = [
            ...codes.map((value) => ({ type: 'keyDown', value })),
            ...[...codes].reverse().map((value) => ({ type: 'keyUp', value })),
          ];
          await session.browser.driverManager.performActions(session.id, [{ type: 'key', id: 'keyboard', actions }]);
          return true;
        }
        throw new Error(`press-keys is not supported for browser type ${session.browser.type}`);
      }
      if (command === 'emulate-color-scheme') {
        const scheme = payload?.scheme;
        if (scheme !== 'light' && scheme !== 'dark')
          throw new Error('emulate-color-scheme: give { scheme: "light" | "dark" }');
        if (session.browser.type !== 'puppeteer') return false;
        const page = session.browser.getPage(session.id);
        if (page.browser().cdpSupported === false) return false;
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        return true;
      }
      if (command === 'offline-window') {
        const { delayMs = 200, durationMs } = payload ?? {};
        if (typeof durationMs !== 'number' || durationMs <= 0 || durationMs > 60_000)
          throw new Error('offline-window: give { durationMs } (at most 60000), and optionally { delayMs }');
        if (session.browser.type !== 'puppeteer') return false;
        const page = session.browser.getPage(session.id);
        setTimeout(() => {
          page.setOfflineMode(true).then(
            () => setTimeout(() => void page.setOfflineMode(false).catch(() => undefined), durationMs),
            (error) => console.error(`offline-window: ${error?.message ?? error}`),
          );
        }, delayMs);
        return true;
      }
      if (command === 'accessibility-tree') {
        if (session.browser.type !== 'puppeteer') return false;
        const page = session.browser.getPage(session.id);
        if (page.browser().cdpSupported === false) return false;
        // Puppeteer's "interesting" nodes: hidden and ignored ones (e.g. inside a closed popover) are left out.
        const tree = await page.accessibility.snapshot();
        return tree ? prune(tree) : { role: 'RootWebArea', name: '', children: [] };
      }
      if (command === 'bring-to-front') {
        if (session.browser.type !== 'puppeteer') return false;
        await session.browser.getPage(session.id).bringToFront();
        return true;
      }
      return undefined;
    },
  };
}

/** Only what a test reads: role, name and children. */
function prune(node) {
  return { role: node.role, name: node.name ?? '', children: (node.children ?? []).map(prune) };
}
