// Comments: a character counter in each comment box, "show more" in place, and @name completion. Without this
// script the boxes are plain forms and "Show N more comments" is a link to the page with all of that post's
// comments. Every piece of markup added here comes from the server: the rest of a list is taken from that page,
// the suggestions are built from JSON with textContent.

import { siteFetch, word } from './words.js';

const DEBOUNCE_MS = 150;
const MENTION = /(^|[^A-Za-z0-9_.\-@])@([A-Za-z0-9_.\-]{1,30})$/;

function counter(box) {
  const form = box.closest('form');
  const out = form && form.querySelector('[data-comment-counter]');
  if (!out) return;
  const min = Number(box.getAttribute('minlength') || 15);
  const max = Number(box.getAttribute('maxlength') || 600);
  const n = box.value.trim().length;
  const text = n < min ? word('CounterShort', '%n / %max characters (at least %min)')
    : word('Counter', '%n / %max characters');
  out.textContent = text.replace('%n', n).replace('%max', max).replace('%min', min);
  out.classList.toggle('text-danger', n > 0 && n < min);
}

document.addEventListener('input', (event) => {
  const box = event.target.closest && event.target.closest('textarea[data-comment-body]');
  if (box) counter(box);
});

// Puts the post's list as the page at `url` shows it in place of this one; comments that arrived live meanwhile
// stay, in order. Answers the first comment that was not shown before.
async function refreshList(key, url) {
  const list = document.querySelector(`[data-comments-for="${key}"]`);
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
  if (!response.ok) throw new Error(String(response.status));
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const full = page.querySelector(`[data-comments-for="${key}"]`);
  if (!list || !full) throw new Error('no list');
  const shown = new Set([...list.children].map((c) => c.dataset.commentId));
  const fullIds = new Set([...full.children].map((c) => c.dataset.commentId));
  const extra = [...list.children].filter((c) => !fullIds.has(c.dataset.commentId));
  const merged = [...full.children].map((c) => document.adoptNode(c)).concat(extra)
    .sort((a, b) => Number(a.dataset.commentId) - Number(b.dataset.commentId));
  list.replaceChildren(...merged);
  return merged.find((c) => !shown.has(c.dataset.commentId));
}

// "Show N more comments": the page with all of the post's comments, its list put in place of this one.
document.addEventListener('click', async (event) => {
  const link = event.target.closest && event.target.closest('a[data-comments-more]');
  if (!link) return;
  event.preventDefault();
  link.setAttribute('aria-busy', 'true');
  try {
    const firstNew = await refreshList(link.dataset.commentsMore, link.href);
    link.remove();
    if (firstNew) {
      firstNew.setAttribute('tabindex', '-1');
      firstNew.focus();
    }
  } catch (e) {
    window.location.href = link.href; // the page itself shows them
  }
});

// A comment box without a form token (one pushed live is lent the page's; a page that has none to lend) posts through
// the JSON API instead, and the post's list is read again from the page.
document.addEventListener('submit', async (event) => {
  const form = event.target.closest && event.target.closest('form[data-comment-form-for]');
  if (!form || form.querySelector('input[name="csrf-token"]')) return;
  event.preventDefault();
  const key = form.dataset.commentFormFor;
  const box = form.querySelector('textarea[name="body"]');
  const out = form.querySelector('[data-comment-counter]');
  const response = await siteFetch(form.dataset.api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ body: box.value }),
  });
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  // 409 with the comment's address: the same comment was sent already (a double click); it is in the list.
  const repeated = response.status === 409 && data && Array.isArray(data.details)
    && String(data.details[0]).startsWith('/comments/');
  if (!response.ok && !repeated) {
    const details = data && Array.isArray(data.details) && data.details.length ? data.details[0].replace(/^body: /, '') : null;
    out.textContent = details || (data && data.error) || word('Retry', 'That did not work. Please try again.');
    out.classList.add('text-danger');
    return;
  }
  box.value = '';
  counter(box);
  const url = `${window.location.pathname}${window.location.search ? `${window.location.search}&` : '?'}comments=${key}`;
  try {
    await refreshList(key, url);
  } catch (e) {
    // the comment is saved; the next page load shows it
  }
});

// @name completion: an ARIA listbox under the comment box, with the people of the thread.
let listbox = null;
let owner = null;
let options = [];
let active = -1;
let timer = null;
let controller = null;
let seq = 0;

function close() {
  if (listbox) listbox.remove();
  if (owner) {
    owner.setAttribute('aria-expanded', 'false');
    owner.removeAttribute('aria-activedescendant');
    owner.removeAttribute('aria-controls');
  }
  listbox = null;
  owner = null;
  options = [];
  active = -1;
}

function setActive(index) {
  active = index;
  options.forEach((o, i) => {
    o.classList.toggle('active', i === index);
    o.setAttribute('aria-selected', String(i === index));
  });
  if (index >= 0) owner.setAttribute('aria-activedescendant', options[index].id);
  else owner.removeAttribute('aria-activedescendant');
}

function choose(box, username) {
  const caret = box.selectionStart;
  const before = box.value.slice(0, caret);
  const match = MENTION.exec(before);
  if (!match) return close();
  const start = caret - match[2].length - 1;
  const insert = `@${username} `;
  box.value = box.value.slice(0, start) + insert + box.value.slice(caret);
  box.selectionStart = box.selectionEnd = start + insert.length;
  close();
  counter(box);
  box.focus();
}

function show(box, people) {
  close();
  if (!people.length) return;
  owner = box;
  listbox = document.createElement('ul');
  listbox.id = `${box.id}-mentions`;
  listbox.className = 'dropdown-menu show mention-suggestions';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', word('ThreadPeople', 'People of this thread'));
  people.forEach((person, i) => {
    const li = document.createElement('li');
    li.id = `${listbox.id}-${i}`;
    li.className = 'dropdown-item';
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.username = person.username;
    const name = document.createElement('strong');
    name.textContent = `@${person.username}`;
    const display = document.createElement('small');
    display.className = 'text-body-secondary ms-2';
    display.textContent = person.displayName;
    li.append(name, display);
    li.addEventListener('mousedown', (event) => {
      event.preventDefault(); // keep the focus in the box
      choose(box, person.username);
    });
    listbox.append(li);
    options.push(li);
  });
  box.parentElement.append(listbox);
  box.setAttribute('aria-controls', listbox.id);
  box.setAttribute('aria-expanded', 'true');
  setActive(0);
}

async function suggest(box, prefix) {
  const form = box.closest('form[data-participants]');
  if (!form) return;
  if (controller) controller.abort();
  controller = new AbortController();
  const mine = ++seq;
  try {
    const response = await siteFetch(`${form.dataset.participants}?q=${encodeURIComponent(prefix)}`, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok || mine !== seq) return;
    const people = await response.json();
    if (mine !== seq || document.activeElement !== box) return;
    show(box, people);
  } catch (e) {
    // aborted by a newer request, or offline: no suggestions
  }
}

document.addEventListener('input', (event) => {
  const box = event.target.closest && event.target.closest('textarea[data-comment-body]');
  if (!box) return;
  box.setAttribute('aria-autocomplete', 'list');
  const match = MENTION.exec(box.value.slice(0, box.selectionStart));
  clearTimeout(timer);
  if (!match) {
    seq++;
    close();
    return;
  }
  timer = setTimeout(() => suggest(box, match[2]), DEBOUNCE_MS);
});

document.addEventListener('keydown', (event) => {
  if (!listbox || event.target !== owner) return;
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    setActive((active + 1) % options.length);
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    setActive((active - 1 + options.length) % options.length);
  } else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
    event.preventDefault();
    choose(owner, options[active].dataset.username);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    seq++;
    close();
  }
});

document.addEventListener('focusout', (event) => {
  if (owner && event.target === owner) close();
});

// The same for the Delete button of a comment that came live: through the API, and the comment leaves the list.
document.addEventListener('submit', async (event) => {
  const form = event.target.closest && event.target.closest('form[data-comment-delete]');
  if (!form || form.querySelector('input[name="csrf-token"]')) return;
  event.preventDefault();
  const response = await siteFetch(form.dataset.api, { method: 'DELETE', credentials: 'same-origin' });
  if (response.ok || response.status === 404 || response.status === 409) {
    form.closest('[data-comment-id]').remove();
  }
});
