// Input and media emulation that behave the same in Chromium, Firefox and WebKit (see test/support/engine-commands.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Presses a key for real (the engine's own input events), with modifiers held, written as `Shift+Tab` or `Control+Home`.
 * `Space` is the space bar in every engine.
 */
export async function pressKeys(keys: string): Promise<void> {
  await executeServerCommand('press-keys', { keys: keys.split('+') });
}

const forced: Array<{ media: MediaList; original: string }> = [];

/**
 * Makes the page see `prefers-color-scheme: <scheme>`. Chromium emulates the media feature itself (CDP). Firefox and
 * WebKit cannot be told over WebDriver, so there the page's `@media (prefers-color-scheme: …)` conditions, in the
 * document and in every shadow root (adopted style sheets included), are rewritten to always or never match. Lit shares
 * one style sheet per element class, so elements rendered later in the same page see it too. Call it once the elements
 * under test are on the page.
 */
export async function emulateColorScheme(scheme: 'light' | 'dark'): Promise<void> {
  restoreRules();
  const native = await executeServerCommand<boolean, { scheme: string }>('emulate-color-scheme', { scheme });
  if (!native) forceColorSchemeRules(scheme);
}

function restoreRules() {
  for (const { media, original } of forced.splice(0)) media.mediaText = original;
}

function forceColorSchemeRules(scheme: 'light' | 'dark') {
  const pattern = /\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)/g;
  for (const rule of mediaRules()) {
    const original = rule.media.mediaText;
    if (!original.match(pattern)) continue;
    forced.push({ media: rule.media, original });
    // (min-width: 0px) always matches, (max-width: 0px) never does in a page that has a viewport.
    rule.media.mediaText = original.replace(pattern, (_, value) =>
      value === scheme ? '(min-width: 0px)' : '(max-width: 0px)',
    );
  }
}

function mediaRules(): CSSMediaRule[] {
  const sheets = new Set<CSSStyleSheet>();
  const visit = (root: Document | ShadowRoot) => {
    for (const sheet of [...root.styleSheets, ...(root.adoptedStyleSheets ?? [])]) sheets.add(sheet);
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  visit(document);
  const found: CSSMediaRule[] = [];
  const collect = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) found.push(rule);
      if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of sheets) {
    try {
      collect(sheet.cssRules);
    } catch {
      // a cross-origin sheet: not ours
    }
  }
  return found;
}
