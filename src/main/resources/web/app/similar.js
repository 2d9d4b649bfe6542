// Similar questions under the title of the ask form while it is typed: the questions whose titles share the most
// words with it (GET /api/v1/search/similar; any word counts, as a whole title rarely matches word for word), each a
// link that opens in a new tab, so what was written stays. Once typing pauses, one request at a time (a newer one
// cancels the older). Without this script nothing is shown.

import { editorWord, siteFetch } from './words.js';

const DEBOUNCE_MS = 400;
const MIN_LETTERS = 3;

function startSimilar(input, box) {
  let timer = null;
  let controller = null;
  let shown = '';

  const show = (suggestions) => {
    if (!suggestions.length) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const heading = document.createElement('p');
    heading.className = 'small text-body-secondary mb-1';
    heading.id = box.id + '-heading';
    heading.textContent = editorWord('SimilarHeading', 'Similar questions (they open in a new tab): is yours among them?');
    const list = document.createElement('ul');
    list.className = 'list-unstyled small mb-0';
    list.setAttribute('aria-labelledby', heading.id);
    suggestions.forEach((s) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = s.path;
      a.target = '_blank';
      a.rel = 'noopener';
      a.dataset.similarId = s.id;
      a.innerHTML = s.titleHtml; // escaped by the server, only <mark> added
      li.append(a);
      list.append(li);
    });
    box.replaceChildren(heading, list);
    box.hidden = false;
  };

  const fetchSimilar = async () => {
    timer = null;
    const title = input.value.trim();
    if (title === shown) return;
    controller?.abort();
    if (title.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_LETTERS) {
      shown = '';
      show([]);
      return;
    }
    controller = new AbortController();
    try {
      const response = await siteFetch('/api/v1/search/similar?title=' + encodeURIComponent(title), {
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      if (!response.ok) return;
      const suggestions = await response.json();
      if (input.value.trim() === title) {
        shown = title;
        show(suggestions);
      }
    } catch (e) {
      // cancelled by newer typing, or offline
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSimilar, DEBOUNCE_MS);
  });
  if (input.value.trim()) fetchSimilar();
}

document.querySelectorAll('input[data-similar]').forEach((input) => {
  const box = document.querySelector(input.dataset.similar);
  if (box) startSimilar(input, box);
});
