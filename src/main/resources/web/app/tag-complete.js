// Tag completion in the tags field of the ask and edit forms: the word being typed is completed from the existing
// tags, most used first, each with its number of questions (GET /api/v1/tags?q=). An ARIA combobox like the header
// search: arrows move through the options, Enter or Tab takes one, Escape closes the list. Without this script the
// field is a plain text field.

import { closeList, markActive, openList } from './listbox.js';
import { editorWord, fill, siteFetch } from './words.js';

const DEBOUNCE_MS = 150;
const SHOWN = 8;
const SEPARATOR = /[\s,]+/;

function questions(n) {
  const form = new Intl.PluralRules(document.documentElement.lang || 'en').select(n);
  const name = form === 'one' ? 'QuestionsOne' : form === 'few' ? 'QuestionsFew' : 'QuestionsMany';
  return fill(editorWord(name, n === 1 ? '%n question' : '%n questions'), { n });
}

// The tag being typed: the text after the last separator before the caret, and where it starts and ends.
function current(input) {
  const caret = input.selectionStart ?? input.value.length;
  const head = input.value.slice(0, caret);
  const start = head.search(/[^\s,]*$/);
  const rest = input.value.slice(caret).search(SEPARATOR);
  const end = rest < 0 ? input.value.length : caret + rest;
  return { start, end, word: input.value.slice(start, end).trim() };
}

function startCompletion(input, list) {
  let timer = null;
  let controller = null;
  let items = [];
  let active = -1;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  const close = () => {
    closeList(input, list);
    items = [];
    active = -1;
  };

  const setActive = (index) => {
    markActive(input, items, index);
    active = index;
  };

  const choose = (name) => {
    const { start, end } = current(input);
    const after = input.value.slice(end).replace(/^[\s,]*/, '');
    const head = input.value.slice(0, start) + name + ' ';
    input.value = head + after;
    input.setSelectionRange(head.length, head.length);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    close();
  };

  const show = (tags) => {
    if (!tags.length) {
      close();
      return;
    }
    items = tags.map((tag, i) => {
      const li = document.createElement('li');
      li.id = list.id + '-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.className = 'dropdown-item d-flex justify-content-between gap-3';
      li.dataset.tag = tag.name;
      const name = document.createElement('span');
      name.textContent = tag.name;
      const count = document.createElement('small');
      count.className = 'text-body-secondary';
      count.textContent = questions(Number(tag.questions));
      li.append(name, count);
      li.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keep the focus in the field
        choose(tag.name);
      });
      return li;
    });
    openList(input, list, items);
    setActive(-1); // Enter still sends the form until an option is picked with the arrows
  };

  const suggest = async () => {
    timer = null;
    const { word } = current(input);
    controller?.abort();
    if (!word) {
      close();
      return;
    }
    controller = new AbortController();
    try {
      const response = await siteFetch('/api/v1/tags?q=' + encodeURIComponent(word), {
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      if (!response.ok) return;
      const page = await response.json();
      const taken = new Set(input.value.toLowerCase().split(SEPARATOR));
      taken.delete(word.toLowerCase());
      if (current(input).word === word) show(page.items.filter((t) => !taken.has(t.name)).slice(0, SHOWN));
    } catch (e) {
      // cancelled by newer typing, or offline: the field still works
    }
  };

  input.addEventListener('input', (event) => {
    if (!event.isTrusted && !items.length) return; // our own choice
    clearTimeout(timer);
    timer = setTimeout(suggest, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (!items.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      let next = active + (event.key === 'ArrowDown' ? 1 : -1);
      if (next >= items.length) next = 0;
      if (next < 0) next = items.length - 1;
      setActive(next);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
      event.preventDefault(); // Enter would send the form
      choose(items[active].dataset.tag);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 100));
}

document.querySelectorAll('input[data-tag-complete]').forEach((input) => {
  const list = input.parentElement.querySelector('[role="listbox"]');
  if (list) startCompletion(input, list);
});
