// Suggestions under the header search box: an ARIA combobox. Requests go out only once typing pauses, never more
// than one at a time (a newer one cancels the older), and the list is built from the server's JSON with the
// matches it marked (escaped HTML). Without this script the box is a plain form that opens /search.

import { closeList, markActive, openList } from './listbox.js';
import { siteFetch } from './words.js';

const input = document.getElementById('search-input');
const list = document.getElementById('search-suggestions');
const DEBOUNCE_MS = 200;
const MIN_LETTERS = 2;
// The plural form a count takes in the page's language, as the page's data-answer-one/few/many name them.
const plural = (n) => {
  const form = new Intl.PluralRules(document.documentElement.lang).select(n);
  return form === 'one' || form === 'few' ? form[0].toUpperCase() + form.slice(1) : 'Many';
};

// The results page's reading of a search, as SearchQuery.parse and prefix() on the server: [tag] filters taken out,
// and the last word a prefix when it is plain (letters and digits, so not negated), of 2 to 40 of them, outside
// quotes. Java's \s is ASCII white space only, hence the explicit class.
const TAG = /\[([^\[\]\s]{1,35})\]/gu;
const SPACE = '[ \\t\\n\\x0B\\f\\r]';
const PLAIN_LAST_WORD = new RegExp('(^|' + SPACE + ')[\\p{L}\\p{N}]{' + MIN_LETTERS + ',40}$', 'u');

function parseSearch(query) {
  const raw = query.slice(0, 200);
  const tags = [];
  for (const m of raw.matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    if (tags.length < 5 && !tags.includes(tag)) tags.push(tag);
  }
  const words = raw.replace(TAG, ' ').replace(new RegExp(SPACE + '+', 'gu'), ' ').trim();
  const prefix = PLAIN_LAST_WORD.test(words) && (words.match(/"/g) || []).length % 2 === 0;
  return { words, tags, prefix };
}

function startSuggestions() {
  let timer = null;
  let controller = null;
  let items = [];
  let active = -1;
  let lastQuery = '';

  const close = () => {
    closeList(input, list);
    items = [];
    active = -1;
  };

  const setActive = (index) => {
    markActive(input, items, index);
    active = index;
  };

  const option = (id, html, href, extra) => {
    const li = document.createElement('li');
    li.id = id;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.className = 'dropdown-item text-wrap';
    li.dataset.href = href;
    const title = document.createElement('span');
    title.innerHTML = html; // escaped by the server, only <mark> added
    li.append(title);
    if (extra) {
      const small = document.createElement('small');
      small.className = 'text-body-secondary ms-1';
      small.textContent = extra;
      li.append(small);
    }
    li.addEventListener('mousedown', (event) => {
      event.preventDefault(); // keep the focus in the box
      window.location.href = href;
    });
    return li;
  };

  const show = (query, suggestions) => {
    items = suggestions.map((s, i) =>
      option('search-suggestion-' + i, s.titleHtml, s.path,
        Number(s.answers) + ' ' + (list.dataset['answer' + plural(Number(s.answers))] || (s.answers === 1 ? 'answer' : 'answers'))));
    const all = option('search-suggestion-all', '', '/search?q=' + encodeURIComponent(query));
    // The results page takes a plain last word as the start of a word, as the suggestions do: the "…" says so.
    const search = parseSearch(query);
    const label = search.words + (search.prefix ? '…' : '') + search.tags.map((t) => ' [' + t + ']').join('');
    all.firstChild.textContent = (list.dataset.allText || 'See all results for “%s”').replace('%s', () => label.trim());
    all.title = search.prefix
      ? list.dataset.prefixTitle || 'Questions and answers with these words, the last one as the start of a word' : '';
    all.classList.add('border-top', 'fw-semibold');
    all.dataset.all = '';
    items.push(all);
    openList(input, list, items);
    setActive(-1);
  };

  const fetchSuggestions = async () => {
    timer = null;
    const query = input.value.trim();
    if (query === lastQuery && list.classList.contains('show')) return;
    lastQuery = query;
    if (controller) controller.abort(); // at most one request in flight: the newest
    if (query.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_LETTERS) {
      close();
      return;
    }
    controller = new AbortController();
    try {
      const response = await siteFetch('/api/v1/search/suggest?q=' + encodeURIComponent(query), {
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      if (!response.ok) return;
      const suggestions = await response.json();
      if (input.value.trim() === query) show(query, suggestions);
    } catch (e) {
      // cancelled by newer typing, or offline: the form still works
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!items.length) {
        if (event.key === 'ArrowDown') fetchSuggestions();
        return;
      }
      event.preventDefault();
      // Down and up go round the options and back to the box itself (-1).
      let next = active + (event.key === 'ArrowDown' ? 1 : -1);
      if (next >= items.length) next = -1;
      if (next < -1) next = items.length - 1;
      setActive(next);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.href = items[active].dataset.href;
    } else if (event.key === 'Escape') {
      if (list.classList.contains('show')) {
        event.preventDefault();
        close();
      }
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 100));
}

if (input && list) startSuggestions();
