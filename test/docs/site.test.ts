// The built docs site, page by page, in this engine (npm test builds it first: npm run docs:build).
import { expect } from '@open-wc/testing';
import {
  brokenLinks,
  driveExample,
  openPage,
  seriousViolations,
  sitePages,
  SITE,
  until,
  type ExampleLike,
} from '../support/docs-site.js';

const pages = await sitePages();

describe('docs site', function () {
  this.timeout(60_000);

  it('has every page: overview, getting started, one per element, the guides and search', () => {
    expect(pages.length).to.be.at.least(16);
    for (const path of ['', 'getting-started/', 'elements/clerk-user-menu/', 'events/', 'theming/', 'search/'])
      expect(pages).to.include(`${SITE}${path}`);
  });

  for (const path of pages) {
    it(`${path.slice(SITE.length - 1)}: no console error, live examples in every state, axe, links`, async () => {
      const frame = await openPage(path);
      try {
        const examples = [...frame.doc.querySelectorAll<ExampleLike>('docs-example')];
        await until(() => examples.every((example) => example.stage), 'every example rendered');
        const expectedErrors: string[] = [];
        for (const [index, example] of examples.entries()) {
          const states = await driveExample(example, `${path} example ${index + 1}`);
          // Clerk unavailable: the provider says so in the console, and that is the only error allowed.
          if (states.includes('unavailable')) expectedErrors.push('Clerk failed to load');
          (example.querySelector('input[type=radio]') as HTMLInputElement).click();
        }
        for (const expected of new Set(expectedErrors))
          expect(
            frame.errors.some((error) => error.includes(expected)),
            `the console shows "${expected}"`,
          ).to.equal(true);
        const unexpected = frame.errors.filter((error) => !expectedErrors.some((expected) => error.includes(expected)));
        expect(unexpected, 'console errors').to.deep.equal([]);
        expect(await seriousViolations(frame), 'axe: serious or critical').to.deep.equal([]);
        expect(await brokenLinks(frame), 'internal links and anchors').to.deep.equal([]);
      } finally {
        frame.iframe.remove();
      }
    });
  }

  it('editing an example’s code updates it', async () => {
    const frame = await openPage(`${SITE}elements/clerk-sign-out-button/`);
    try {
      const example = frame.doc.querySelector<ExampleLike>('docs-example')!;
      const textarea = example.querySelector('textarea')!;
      expect(example.stage.textContent).to.contain('Signed in.');
      textarea.value = textarea.value
        .replace('Signed in.', 'Edited by the reader.')
        .replace(
          '<clerk-sign-out-button></clerk-sign-out-button>',
          '<clerk-sign-out-button>Log me out</clerk-sign-out-button>',
        );
      textarea.dispatchEvent(new frame.win.Event('input', { bubbles: true }));
      await until(() => example.stage.textContent!.includes('Edited by the reader.'), 'the preview follows the code');
      const button = example.stage.querySelector('clerk-sign-out-button')!;
      expect(button.textContent).to.equal('Log me out');
      await until(() => button.shadowRoot?.querySelector('[part~="button"]'), 'the edited button renders');
    } finally {
      frame.iframe.remove();
    }
  });

  it('the token playground applies a token to its example and shows the CSS', async () => {
    const frame = await openPage(`${SITE}theming/`);
    try {
      const playground = frame.doc.querySelector('docs-token-playground')!;
      const input = playground.querySelector<HTMLInputElement>('input[data-token="--clerk-radius"]')!;
      input.value = '0px';
      input.dispatchEvent(new frame.win.Event('input', { bubbles: true }));
      const preview = playground.querySelector<HTMLElement>('[data-preview]')!;
      expect(preview.style.getPropertyValue('--clerk-radius')).to.equal('0px');
      expect(playground.querySelector('[data-css]')!.textContent).to.contain('--clerk-radius: 0px;');
      const button = preview.shadowRoot!.querySelector('clerk-sign-out-button')!;
      await until(() => button.shadowRoot?.querySelector('[part~="button"]'), 'the button renders');
      const part = button.shadowRoot!.querySelector('[part~="button"]')!;
      expect(frame.win.getComputedStyle(part).borderTopLeftRadius).to.equal('0px');
    } finally {
      frame.iframe.remove();
    }
  });

  it('search finds a section and links to it', async () => {
    const frame = await openPage(`${SITE}search/?q=redirectUrl`);
    try {
      await until(() => frame.doc.querySelectorAll('#search-results a').length > 0, 'results for redirectUrl');
      const first = frame.doc.querySelector<HTMLAnchorElement>('#search-results a')!;
      expect(new URL(first.href).pathname.startsWith(SITE)).to.equal(true);
      expect(await brokenLinks(frame)).to.deep.equal([]);
    } finally {
      frame.iframe.remove();
    }
  });
});
