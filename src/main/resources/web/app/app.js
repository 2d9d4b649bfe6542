// Progressive enhancement: every form works without this script; with it, votes, accepting and the
// Markdown preview happen without a page reload.
import './_bootstrap.scss';
import './app.css';
import './live.js';
import './inbox.js';
import './search.js';
import './drafts.js';
import './comments.js';
import './tags.js';
import './editor.js';
import './tag-complete.js';
import './similar.js';
import './theme.js';
import './code.js';
// Of Bootstrap's scripts only the one the pages use: the navbar's collapse (data-bs-toggle="collapse"). Another
// plugin (dropdown, modal...) is imported the same way when a page needs it (docs/front-end.md).
import 'bootstrap/js/dist/collapse.js';
import { siteFetch, word } from './words.js';

async function postJson(url, body) {
  const response = await siteFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body ?? {}),
  });
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  return { ok: response.ok, status: response.status, data };
}

function errorText(result) {
  if (result.data && result.data.error) return result.data.error;
  return word('Retry', 'That did not work. Please try again.');
}

// Votes
document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form[data-vote-form]');
  if (!form) return;
  event.preventDefault();
  const button = event.submitter;
  if (!button) return;
  const widget = form.closest('[data-vote-widget]');
  const error = widget.querySelector('[data-vote-error]');
  error.textContent = '';
  const buttons = form.querySelectorAll('button[data-vote]');
  // One vote at a time, without disabling the buttons: a disabled button drops the keyboard focus to <body>.
  if (form.getAttribute('aria-busy') === 'true') return;
  form.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await postJson(form.dataset.api, { value: Number(button.value) });
  } catch (e) {
    result = { ok: false, status: 0, data: null };
  } finally {
    form.removeAttribute('aria-busy');
  }
  if (result.status === 401) {
    // a visitor: log in, then back to this question or answer (/answers/{id} scrolls to it)
    const post = new URL(form.action).pathname.replace(/\/vote$/, '');
    window.location.href = '/login?return=' + encodeURIComponent(post);
    return;
  }
  if (!result.ok) {
    error.textContent = errorText(result);
    return;
  }
  form.querySelector('[data-score]').textContent = result.data.score;
  buttons.forEach((b) => {
    const direction = Number(b.dataset.vote);
    const active = result.data.myVote === direction;
    b.classList.toggle('active', active);
    b.setAttribute('aria-pressed', String(active));
    b.value = active ? '0' : String(direction);
  });
});

// Accepting an answer, and taking the mark back: each answer has both forms, one hidden, swapped after the call.
async function sendJson(url, method) {
  if (method === 'POST') return postJson(url, {});
  const response = await siteFetch(url, { method, headers: { Accept: 'application/json' } });
  let data = null;
  try {
    data = await response.json();
  } catch (e) {
    data = null;
  }
  return { ok: response.ok, status: response.status, data };
}

document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form[data-accept-form], form[data-unaccept-form]');
  if (!form) return;
  event.preventDefault();
  const hadFocus = form.contains(document.activeElement);
  const result = await sendJson(form.dataset.api, form.dataset.method);
  if (!result.ok) {
    window.alert(errorText(result));
    return;
  }
  const acceptedId = result.data.acceptedAnswerId;
  document.querySelectorAll('[data-answer-id]').forEach((answer) => {
    const accepted = Number(answer.dataset.answerId) === acceptedId;
    answer.classList.toggle('accepted', accepted);
    answer.querySelector('[data-accepted-badge]')?.classList.toggle('d-none', !accepted);
    answer.querySelector('form[data-accept-form]')?.classList.toggle('d-none', accepted);
    answer.querySelector('form[data-unaccept-form]')?.classList.toggle('d-none', !accepted);
  });
  // The pressed button is hidden now: its counterpart takes the focus, so the next Tab goes on from here.
  if (hadFocus) {
    const answer = form.closest('[data-answer-id]');
    answer?.querySelector('form[data-accept-form]:not(.d-none) button, form[data-unaccept-form]:not(.d-none) button')?.focus();
  }
});

// Markdown live preview, rendered and cleaned by the server exactly like a saved post. A refusal (a text over its
// budget, too many previews) is shown in the preview area as text, never as markup.
document.querySelectorAll('textarea[data-markdown]').forEach((textarea) => {
  const target = document.querySelector(textarea.dataset.preview);
  if (!target) return;
  let timer = null;
  let controller = null;
  const showRefusal = (message) => {
    const note = document.createElement('p');
    note.className = 'text-danger small mb-0';
    note.setAttribute('role', 'status');
    note.dataset.previewError = '';
    note.textContent = message;
    target.replaceChildren(note);
  };
  const render = async () => {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await siteFetch('/api/v1/markdown/preview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ text: textarea.value }),
        signal: controller.signal,
      });
      if (response.ok) {
        const data = await response.json();
        target.innerHTML = data.html; // already sanitized on the server
        return;
      }
      let data = null;
      try {
        data = await response.json();
      } catch (e) {
        data = null;
      }
      showRefusal(data && data.error ? data.error : word('PreviewUnavailable', 'The preview is not available right now.'));
      const wait = Number(response.headers.get('Retry-After'));
      if (response.status === 429 && wait > 0) {
        // Catch up once the limit allows, even if no key is pressed meanwhile.
        clearTimeout(timer);
        timer = setTimeout(render, wait * 1000);
      }
    } catch (e) {
      // aborted by a newer keystroke, or offline: the next keystroke tries again
    }
  };
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 250);
  });
  if (textarea.value.trim()) render();
  // Back/forward restores what was typed after this script ran: show its preview too.
  window.addEventListener('pageshow', () => {
    if (textarea.value.trim()) render();
  });
});
