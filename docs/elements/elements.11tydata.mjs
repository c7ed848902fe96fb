// Every page in docs/elements/ is one element's: front matter `tag` (its tag name) and `order` (its place in the
// sidebar); the reference at the end of the page is generated from custom-elements.json for that tag.
export default {
  layout: 'layouts/element.njk',
  tags: ['element'],
  eleventyComputed: {
    permalink: (data) => `/elements/${data.tag}/`,
    title: (data) => data.title ?? `<${data.tag}>`,
    heading: (data) => `<code>&lt;${data.tag}&gt;</code>`,
  },
};
