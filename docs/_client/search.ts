// The search page: the index the build wrote (one document per section of every page), searched as the reader types.
import MiniSearch from 'minisearch';

interface Section {
  id: string;
  url: string;
  page: string;
  title: string;
  text: string;
}

const siteRoot = new URL('../', import.meta.url);
const input = document.querySelector<HTMLInputElement>('#search-page-input')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const results = document.querySelector<HTMLOListElement>('#search-results')!;

const search = fetch(new URL('./search-index.json', import.meta.url))
  .then((response) => response.json() as Promise<Section[]>)
  .then((sections) => {
    const index = new MiniSearch<Section>({
      fields: ['title', 'page', 'text'],
      storeFields: ['url', 'page', 'title', 'text'],
      searchOptions: { boost: { title: 3, page: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
    });
    index.addAll(sections);
    return index;
  });

function excerpt(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0), 0) - 60);
  return (at > 0 ? '…' : '') + text.slice(at, at + 220) + (text.length > at + 220 ? '…' : '');
}

async function show(query: string): Promise<void> {
  const index = await search;
  results.replaceChildren();
  if (!query.trim()) {
    status.textContent = 'Type to search every page of the docs.';
    return;
  }
  const found = index.search(query).slice(0, 30);
  status.textContent = found.length
    ? `${found.length} result${found.length === 1 ? '' : 's'} for “${query}”.`
    : `Nothing found for “${query}”.`;
  for (const hit of found) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = new URL(String(hit.url).replace(/^\//, ''), siteRoot).href;
    link.textContent = hit.title === hit.page ? hit.page : `${hit.page} › ${hit.title}`;
    const text = document.createElement('p');
    text.textContent = excerpt(String(hit.text), hit.terms);
    item.append(link, text);
    results.append(item);
  }
}

const query = new URLSearchParams(location.search).get('q') ?? '';
input.value = query;
let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void show(input.value);
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
  }, 150);
});
void show(query);
