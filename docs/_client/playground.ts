// <docs-token-playground>: inputs for the theme tokens, applied to the live example inside it, and the CSS to copy.
export class DocsTokenPlayground extends HTMLElement {
  #changed = new Map<string, string>();

  connectedCallback(): void {
    this.addEventListener('input', (event) => {
      const input = event.target as HTMLInputElement;
      const token = input.dataset.token;
      if (!token) return;
      if (input.value.trim()) this.#changed.set(token, input.value.trim());
      else this.#changed.delete(token);
      this.#apply();
    });
    this.querySelector('[data-reset-tokens]')?.addEventListener('click', () => {
      this.#changed.clear();
      for (const input of this.querySelectorAll<HTMLInputElement>('input[data-token]'))
        input.value = input.defaultValue;
      this.#apply();
    });
    this.#apply();
  }

  #apply(): void {
    const preview = this.querySelector<HTMLElement>('[data-preview]');
    if (!preview) return;
    for (const input of this.querySelectorAll<HTMLInputElement>('input[data-token]'))
      preview.style.removeProperty(input.dataset.token!);
    for (const [token, value] of this.#changed) preview.style.setProperty(token, value);
    const css = [...this.#changed].map(([token, value]) => `  ${token}: ${value};`).join('\n');
    this.querySelector('[data-css]')!.textContent = css
      ? `:root {\n${css}\n}`
      : '/* Change a token above: its CSS shows here. */';
  }
}

customElements.define('docs-token-playground', DocsTokenPlayground);
