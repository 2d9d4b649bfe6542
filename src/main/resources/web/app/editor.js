// The Markdown editors (ask, answer, edit): a toolbar that writes Markdown around the selection, with Ctrl+B, Ctrl+I
// and Ctrl+K; picture uploads (uploads.js); and counters under the title and the text that show the server's limits
// while typing. The toolbar's buttons give the focus back to the textarea, so typing goes on where it was. Without
// this script the toolbar stays hidden and the forms work as plain forms.

import { editorWord, fill, word } from './words.js';
import { replaceRange } from './textarea.js';
import { startUploads } from './uploads.js';

// Wraps the selection (or a sample word, then selected, so that typing replaces it) in `before` and `after`.
function wrap(textarea, before, after, sample) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const selected = value.slice(start, end) || sample;
  replaceRange(textarea, start, end, before + selected + after, start + before.length,
    start + before.length + selected.length);
}

// Starts each selected line (or a sample line) with `prefix`, on lines of their own.
function prefixLines(textarea, prefix, sample) {
  const { value } = textarea;
  const start = value.lastIndexOf('\n', textarea.selectionStart - 1) + 1;
  let end = textarea.selectionEnd;
  if (end > start && value[end - 1] === '\n') end--;
  const lineEnd = value.indexOf('\n', end);
  const stop = lineEnd < 0 ? value.length : lineEnd;
  const text = value.slice(start, stop) || sample;
  const lines = text.split('\n').map((line) => prefix + line).join('\n');
  replaceRange(textarea, start, stop, lines, start + prefix.length, start + lines.length);
}

function codeBlock(textarea) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const selected = value.slice(start, end) || editorWord('SampleCode', 'code');
  const before = start > 0 && value[start - 1] !== '\n' ? '\n' : '';
  const after = value[end] === undefined || value[end] === '\n' ? '\n' : '\n\n';
  const text = before + '```\n' + selected + '\n```' + after;
  const at = start + before.length + 4;
  replaceRange(textarea, start, end, text, at, at + selected.length);
}

// [text](address) with the address selected; a selected address becomes the link's address instead.
function link(textarea, image) {
  const { selectionStart: start, selectionEnd: end, value } = textarea;
  const selected = value.slice(start, end);
  const bang = image ? '!' : '';
  if (/^https?:\/\/\S+$/.test(selected)) {
    const label = image ? editorWord('SampleImage', 'description') : editorWord('SampleLink', 'link text');
    replaceRange(textarea, start, end, bang + '[' + label + '](' + selected + ')', start + bang.length + 1,
      start + bang.length + 1 + label.length);
    return;
  }
  const label = selected || (image ? editorWord('SampleImage', 'description') : editorWord('SampleLink', 'link text'));
  const text = bang + '[' + label + '](https://)';
  const urlStart = start + text.length - 'https://)'.length;
  replaceRange(textarea, start, end, text, urlStart, urlStart + 'https://'.length);
}

const ACTIONS = {
  bold: (t) => wrap(t, '**', '**', editorWord('SampleBold', 'bold text')),
  italic: (t) => wrap(t, '*', '*', editorWord('SampleItalic', 'italic text')),
  code: (t) => wrap(t, '`', '`', editorWord('SampleCode', 'code')),
  codeblock: codeBlock,
  link: (t) => link(t, false),
  image: (t) => link(t, true),
  list: (t) => prefixLines(t, '- ', editorWord('SampleList', 'list item')),
  quote: (t) => prefixLines(t, '> ', editorWord('SampleQuote', 'quoted text')),
};

const SHORTCUTS = { b: 'bold', i: 'italic', k: 'link' };

// On a Mac the shortcuts take ⌘ (the key handler below accepts it as Ctrl), so the buttons' titles say so.
const MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '');

function startToolbar(editor) {
  const textarea = editor.querySelector('textarea[data-markdown]');
  const toolbar = editor.querySelector('[data-editor-toolbar]');
  if (!textarea || !toolbar) return;
  toolbar.hidden = false;
  if (MAC) {
    toolbar.querySelectorAll('[title*="Ctrl+"]').forEach((button) => {
      button.title = button.title.replace('Ctrl+', '\u2318');
    });
  }
  editor.querySelector('[data-editor-hint]')?.removeAttribute('hidden');
  toolbar.addEventListener('mousedown', (event) => {
    // a click keeps the focus (and the selection) in the textarea
    if (event.target.closest('button[data-md]')) event.preventDefault();
  });
  toolbar.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-md]');
    const action = button && ACTIONS[button.dataset.md];
    if (!action) return;
    textarea.focus();
    action(textarea);
  });
  textarea.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const action = SHORTCUTS[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    ACTIONS[action](textarea);
  });
  startUploads(editor);
}

// "12 / 150 characters", with the minimum while the text is shorter, a warning in the last tenth, and the excess past
// the maximum: the same lengths the server checks (data-min, data-max), counted as the server counts them.
function count(field) {
  const out = document.querySelector('[data-counter-for="' + field.id + '"]');
  if (!out) return;
  const min = Number(field.dataset.min || 0);
  const max = Number(field.dataset.max || 0);
  const n = field.value.trim().length;
  let text = fill(n < min ? word('CounterShort', '%n / %max characters (at least %min)')
    : word('Counter', '%n / %max characters'), { n, max, min });
  const left = max - n;
  if (left < 0) text += ' · ' + fill(editorWord('CounterOver', '%over characters too many'), { over: -left });
  else if (left <= Math.max(10, Math.floor(max / 10))) text += ' · ' + fill(editorWord('CounterLeft', '%left characters left'), { left });
  out.textContent = text;
  out.classList.toggle('text-danger', left < 0 || (n > 0 && n < min));
  out.classList.toggle('text-warning-emphasis', left >= 0 && left <= Math.max(10, Math.floor(max / 10)));
  out.dataset.state = left < 0 ? 'over' : n < min ? 'short' : left <= Math.max(10, Math.floor(max / 10)) ? 'near' : 'ok';
}

function startCounter(field) {
  if (!field.dataset.max) return;
  field.addEventListener('input', () => count(field));
  count(field);
  // a restored draft or the back button fills the field after this script ran
  window.addEventListener('pageshow', () => count(field));
}

document.querySelectorAll('[data-editor]').forEach(startToolbar);
document.querySelectorAll('textarea[data-markdown][data-max], input#title[data-max]').forEach(startCounter);
