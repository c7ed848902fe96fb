// Only the button's module is imported here (as `import 'clerk-sign-out-elements/clerk-sign-out-button.js'` would):
// <clerk-provider> never becomes defined, and the page must be told once, with the import to add.
import { expect } from '@open-wc/testing';
import '../../../src/define/clerk-sign-out-button.js';

describe('a page that imports an element but not the provider', () => {
  it('says once, after the page has loaded, that <clerk-provider> is not defined and which import to add', async function () {
    this.timeout(8000);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const provider = document.createElement('clerk-provider');
    provider.innerHTML =
      '<clerk-sign-out-button></clerk-sign-out-button><clerk-sign-out-button></clerk-sign-out-button>';
    try {
      document.body.append(provider);
      expect(customElements.get('clerk-provider')).to.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(warnings, 'nothing while a late script may still define it').to.deep.equal([]);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const about = warnings.filter((message) => message.includes('<clerk-provider> is not defined'));
      expect(about).to.have.length(1);
      expect(about[0]).to.contain('Import clerk-sign-out-elements/clerk-provider.js too');
      expect(about[0]).to.contain('<clerk-sign-out-button>');
      expect(
        warnings.filter((message) => message.includes('is not inside a <clerk-provider>')),
        'not the other warning',
      ).to.deep.equal([]);
    } finally {
      console.warn = warn;
      provider.remove();
    }
  });
});
