// <docs-example>: a live example. The page renders its parts (preview, state controls, code, event log); this element
// renders the code into the preview's shadow root, hands every <clerk-provider> in it a FakeClerk in the chosen state,
// re-renders when the code is edited or the state changes, and logs the package's events.
import type { ClerkProvider } from 'clerk-sign-out-elements';
import { createScenario, type Scenario, type ScenarioName } from './scenarios.js';

/** Styles of the preview's own root: the example's markup is isolated from the docs page (and its <style> from ours). */
const STAGE_CSS = `:host { display: block; } p { margin: 0.5rem 0; } a { color: var(--docs-link, LinkText); }
.row { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }`;

const MAX_LOG = 30;

function describe(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => describe(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return `[${value.constructor.name}]`;
  if (depth > 2) return '{…}';
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, describe(item, depth + 1)]));
}

export class DocsExample extends HTMLElement {
  #root?: ShadowRoot;
  #scenario?: Scenario;
  #timer?: ReturnType<typeof setTimeout>;

  get textarea(): HTMLTextAreaElement {
    return this.querySelector('textarea')!;
  }

  /** The state the controls say. */
  get state(): ScenarioName {
    return (this.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? 'signed-in') as ScenarioName;
  }

  /** The preview's shadow root, where the example's markup lives. */
  get stage(): ShadowRoot | undefined {
    return this.#root;
  }

  /** The FakeClerk of the current state. */
  get clerk() {
    return this.#scenario?.clerk;
  }

  connectedCallback(): void {
    if (this.#root) return;
    const preview = this.querySelector<HTMLElement>('[data-preview]')!;
    this.#root = preview.attachShadow({ mode: 'open' });
    this.textarea.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.render(), 200);
    });
    this.querySelector('fieldset')!.addEventListener('change', () => this.render());
    this.querySelector('[data-reset]')!.addEventListener('click', () => this.render());
    this.querySelector('[data-finish-loading]')?.addEventListener('click', (event) => {
      this.#scenario?.finishLoading?.();
      (event.currentTarget as HTMLButtonElement).disabled = true;
    });
    for (const type of (this.getAttribute('events') ?? '').split(' ').filter(Boolean)) {
      this.addEventListener(type, (event) => this.#onEvent(event as CustomEvent));
    }
    this.render();
  }

  /** Renders the code against a new FakeClerk in the chosen state. */
  render(): void {
    clearTimeout(this.#timer);
    const state = this.state;
    const scenario = createScenario(state);
    const navigate = scenario.clerk.navigate.bind(scenario.clerk);
    scenario.clerk.navigate = async (to: string) => {
      this.#log('Clerk navigates', to, 'the example stays on this page');
      return navigate(to);
    };
    this.#scenario = scenario;
    this.querySelector('[data-log]')!.replaceChildren();
    this.#root!.innerHTML = `<style>${STAGE_CSS}</style>${this.textarea.value}`;
    for (const provider of this.#root!.querySelectorAll<ClerkProvider>('clerk-provider'))
      provider.clerk = scenario.clerk;
    const finish = this.querySelector<HTMLButtonElement>('[data-finish-loading]');
    if (finish) {
      finish.hidden = state !== 'slow';
      finish.disabled = false;
    }
    this.dataset.state = state;
    this.dispatchEvent(new Event('example-render'));
  }

  #onEvent(event: CustomEvent): void {
    if (event.type === 'sign-out' || event.type === 'device-sign-out') this.#scenario?.beforeAction?.();
    const detail = event.detail === undefined || event.detail === null ? '' : JSON.stringify(describe(event.detail));
    this.#log(event.type, detail);
  }

  #log(type: string, detail: string, note = ''): void {
    const list = this.querySelector('[data-log]')!;
    const item = document.createElement('li');
    const name = document.createElement('code');
    name.textContent = type;
    item.append(name, detail ? ` ${detail}` : '', note ? ` (${note})` : '');
    list.append(item);
    while (list.children.length > MAX_LOG) list.firstElementChild!.remove();
  }
}

customElements.define('docs-example', DocsExample);
