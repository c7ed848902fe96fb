// The CDN build shrinks our css`` and html`` templates (tools/minify-lit-templates.ts). Here the browser itself checks
// that every stylesheet of every element parses to exactly the same rules after minification.
import { expect } from '@open-wc/testing';
import type { CSSResult, LitElement } from 'lit';
import '../../../src/index.js';
import { minifyCss, minifyHtml, whitespaceMatters } from '../../../tools/minify-template-text.js';

const TAGS = ['clerk-provider', 'clerk-sign-out-button', 'clerk-signed-in', 'clerk-signed-out', 'clerk-user-menu'];

function rules(cssText: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return [...sheet.cssRules].map(serialise);
}

/** A rule as the browser parsed it. `@supports` keeps its condition's text as written, spaces included, which mean nothing. */
function serialise(rule: CSSRule): string {
  if (!(rule instanceof CSSSupportsRule)) return rule.cssText;
  return `@supports ${rule.conditionText.replace(/\s+/g, '')} { ${[...rule.cssRules].map(serialise).join(' ')} }`;
}

describe('template minification (CDN build)', () => {
  it("keeps every element's CSS rules exactly as the browser parses them", () => {
    const styles = TAGS.map((tag) => customElements.get(tag) as typeof LitElement | undefined)
      .filter((element) => !!element)
      .flatMap((element) => element.elementStyles as CSSResult[]);
    expect(styles.length).to.be.greaterThan(2);
    for (const style of styles) {
      const minified = minifyCss(style.cssText);
      expect(rules(minified)).to.deep.equal(rules(style.cssText));
      expect(minified.length).to.be.at.most(style.cssText.length);
    }
  });

  it('keeps quoted strings, var() values, calc() operators, descendant pseudo-classes and interpolation edges', () => {
    const css = `\n  a :hover , b > c { content: "x: y ; }" ; width: calc(1px + 2px) ; }\n  /* note */ @media (width > 1px) { d { color: red; } }\n`;
    expect(minifyCss(css)).to.equal(
      'a :hover,b>c{content:"x: y ; }";width:calc(1px + 2px)}@media (width>1px){d{color:red}}',
    );
    expect(rules(minifyCss(css))).to.deep.equal(rules(css));
    const vars = `e { --a: var(--b, 1px) ; margin: var(--c, 1px\n    2px) ; --d:  x  y ; }`;
    expect(minifyCss(vars)).to.equal('e{--a:var(--b, 1px);margin:var(--c, 1px\n    2px);--d:x  y}');
    expect(rules(minifyCss(vars))).to.deep.equal(rules(vars));
    expect(minifyCss('.a ', { first: true, last: false })).to.equal('.a ');
    expect(minifyCss(`p { content: 'cut by ${'${'}`)).to.equal(`p { content: 'cut by ${'${'}`);
  });

  it('turns line breaks (with their indentation) into one space in html, and leaves <pre> alone', () => {
    expect(minifyHtml('<button\n    part="x"\n  >\n    Sign out\n  </button>\n')).to.equal(
      '<button part="x" > Sign out </button> ',
    );
    expect(minifyHtml('<span title="a b">c  d</span>')).to.equal('<span title="a b">c  d</span>');
    expect(whitespaceMatters(['<pre>\n  x\n</pre>'])).to.equal(true);
    expect(whitespaceMatters(['<div>\n</div>'])).to.equal(false);
  });
});
