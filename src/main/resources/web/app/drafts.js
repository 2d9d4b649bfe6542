// Drafts: what a member types in the ask, answer and edit forms stays in this browser (localStorage, one key per form
// and post) until the post is known to be saved, so a reload, the back button or a lost connection loses nothing.
// "Saved" is known from the page after the form's redirect, which carries the flash message ([data-flash]); a submit
// alone proves nothing, since it can fail.

import { word } from './words.js';

const FORMS = 'form#ask-form, form#answer-form, form[data-edit-form]';
const PREFIX = 'qa-draft:';
const SUBMITTED = 'qa-draft-submitted';
const MAX_AGE = 30 * 24 * 3600 * 1000;

function store(kind) {
  try {
    return window[kind];
  } catch (e) {
    return null; // storage turned off: the forms work as before
  }
}

const local = store('localStorage');
const session = store('sessionStorage');

function keyOf(form) {
  return PREFIX + form.getAttribute('action');
}

// The fields a member writes in, and the revision an edit was based on (a restored edit stays based on it, so that
// saving it after someone else's edit is a conflict, not a silent overwrite).
function fieldsOf(form) {
  return [...form.elements].filter(
    (el) => el.name && (el.tagName === 'TEXTAREA' || el.type === 'text' || (el.type === 'hidden' && el.name === 'revision')),
  );
}

function written(form) {
  return fieldsOf(form).some((el) => el.type !== 'hidden' && el.value !== el.defaultValue);
}

function read(key) {
  try {
    const draft = JSON.parse(local.getItem(key));
    return draft && draft.values && Date.now() - draft.at < MAX_AGE ? draft : null;
  } catch (e) {
    return null;
  }
}

function save(form, force = false) {
  const key = keyOf(form);
  try {
    if (!force && !written(form)) {
      local.removeItem(key);
      return;
    }
    const values = {};
    fieldsOf(form).forEach((el) => (values[el.name] = el.value));
    local.setItem(key, JSON.stringify({ at: Date.now(), values }));
  } catch (e) {
    // storage full or refused: nothing more to do
  }
}

function refresh(form) {
  form.querySelectorAll('textarea[data-markdown]').forEach((t) => t.dispatchEvent(new Event('input', { bubbles: true })));
}

function notice(form, key) {
  const box = document.createElement('div');
  box.className = 'small text-body-secondary mb-2';
  box.setAttribute('role', 'status');
  box.dataset.draftRestored = '';
  box.append(word('DraftRestored', 'Draft restored.') + ' ');
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'btn btn-link btn-sm p-0 align-baseline';
  discard.dataset.draftDiscard = '';
  discard.textContent = word('DraftDiscard', 'Discard');
  discard.addEventListener('click', () => {
    try {
      local.removeItem(key);
    } catch (e) {
      // already gone
    }
    fieldsOf(form).forEach((el) => (el.value = el.defaultValue));
    refresh(form);
    box.remove();
  });
  box.append(discard);
  form.prepend(box);
}

function restore(form) {
  const key = keyOf(form);
  // A form the server sent back (refused, or a conflict) already holds what was sent, with the revision to base it on
  // now: that is the draft from here on.
  if (form.querySelector('[role=alert]') || document.querySelector('[data-edit-conflict]')) {
    save(form, true);
    return;
  }
  const draft = read(key);
  if (!draft) return;
  const fields = fieldsOf(form);
  if (fields.every((el) => (draft.values[el.name] ?? el.value) === el.value)) return;
  fields.forEach((el) => {
    if (typeof draft.values[el.name] === 'string') el.value = draft.values[el.name];
  });
  notice(form, key);
  refresh(form);
}

// Logging out leaves nothing of the member's drafts behind for the next person at this browser.
function forgetAll() {
  try {
    Object.keys(local)
      .filter((key) => key.startsWith(PREFIX))
      .forEach((key) => local.removeItem(key));
  } catch (e) {
    // storage refused: nothing was kept either
  }
}

if (local) {
  document.querySelectorAll('form[action="/logout"]').forEach((form) => form.addEventListener('submit', forgetAll));
  // The page after a submit: a flash message means the post was saved, so its draft can go.
  const submitted = session?.getItem(SUBMITTED);
  if (submitted) {
    session.removeItem(SUBMITTED);
    if (document.querySelector('[data-flash]')) local.removeItem(submitted);
  }
  document.querySelectorAll(FORMS).forEach((form) => {
    restore(form);
    let timer = null;
    form.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => save(form), 300);
    });
    form.addEventListener('submit', () => {
      clearTimeout(timer);
      save(form);
      try {
        session?.setItem(SUBMITTED, keyOf(form));
      } catch (e) {
        // without it the draft stays until discarded: never lost
      }
    });
  });
}
