// The sidebar: the guides in reading order; the element pages come from their own front matter (tag "element").
export default [
  {
    title: 'Start',
    pages: [
      { url: '/', title: 'Overview' },
      { url: '/getting-started/', title: 'Getting started' },
    ],
  },
  { title: 'Elements', collection: 'element' },
  {
    title: 'Guides',
    pages: [
      { url: '/events/', title: 'Events and outcomes' },
      { url: '/theming/', title: 'Theming' },
      { url: '/accessibility/', title: 'Accessibility' },
      { url: '/frameworks/', title: 'Frameworks' },
      { url: '/testing/', title: 'Testing offline' },
      { url: '/failures-and-security/', title: 'Failures and security' },
      { url: '/weight/', title: 'Weight and performance' },
    ],
  },
];
