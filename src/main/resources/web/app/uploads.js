// Pictures in posts: pasted, dropped or picked (the toolbar's upload button) into a Markdown textarea, uploaded to
// POST /api/v1/uploads with the page's CSRF token, and written into the text as ![description](/uploads/...). While a
// picture uploads, a placeholder line stands where it will go; a refusal is said beside the textarea, in the reader's
// language. Without this script the textarea is a plain one and nothing is uploaded.

import { editorWord, fill, siteFetch } from './words.js';
import { replaceRange, replaceText } from './textarea.js';

function limits() {
  const holder = document.querySelector('[data-editor-words]');
  return {
    size: (holder && holder.dataset.uploadMaxSize) || '',
    max: Number((holder && holder.dataset.uploadMaxPixels) || 0).toLocaleString(document.documentElement.lang || 'en'),
  };
}

// The file's name without its ending, as the picture's description; brackets would end the Markdown early.
function describe(file) {
  const base = (file.name || '').replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[\[\]\\\n\r]/g, ' ').trim();
  return base || editorWord('SampleImage', 'description');
}

function refusal(status, name) {
  const values = { name, ...limits() };
  switch (status) {
    case 413:
      return fill(editorWord('UploadTooLarge', '%name was not uploaded: it is larger than %size.'), values);
    case 415:
      return fill(editorWord('UploadNotImage', '%name was not uploaded: it is not a PNG, JPEG, GIF or WebP picture.'), values);
    case 422:
      return fill(editorWord('UploadTooManyPixels', '%name was not uploaded: it has more than %max pixels.'), values);
    case 401:
      return editorWord('UploadLogin', 'Log in to upload pictures.');
    default:
      return fill(editorWord('UploadFailed', '%name was not uploaded. Please try again.'), values);
  }
}

let uploads = 0;

async function upload(textarea, file) {
  const name = file.name || 'image';
  const id = ++uploads;
  // A line of its own, unique on the page, so that it can be found again wherever the writer has moved it meanwhile;
  // a link, not a picture, so that the preview does not fetch anything for it.
  const placeholder = '[' + fill(editorWord('Uploading', 'Uploading %name…'), { name: describe(file) }) + '](#upload-' + id + ')';
  const start = textarea.selectionStart;
  const end = textarea.selectionEnd;
  const before = start > 0 && textarea.value[start - 1] !== '\n' ? '\n' : '';
  const after = textarea.value[end] === '\n' ? '' : '\n';
  replaceRange(textarea, start, end, before + placeholder + after);
  const token = textarea.form && textarea.form.querySelector('input[name="csrf-token"]');
  const body = new FormData();
  body.append('file', file, name);
  let message = null;
  try {
    const response = await siteFetch('/api/v1/uploads', {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-TOKEN': token ? token.value : '' },
      body,
    });
    if (response.ok) {
      const data = await response.json();
      replaceText(textarea, placeholder, '![' + describe(file) + '](' + data.url + ')');
      return;
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    // Too many uploads: the server's words already say how long to wait, in the reader's language.
    message = response.status === 429 && data && data.error ? data.error : refusal(response.status, name);
  } catch (e) {
    message = refusal(0, name);
  }
  replaceText(textarea, placeholder + '\n', '') || replaceText(textarea, placeholder, '');
  refuse(textarea, message);
}

function maxBytes() {
  const holder = document.querySelector('[data-editor-words]');
  return Number((holder && holder.dataset.uploadMaxBytes) || 0);
}

function refuse(textarea, message) {
  const error = textarea.closest('[data-editor]')?.querySelector('[data-upload-error]');
  if (!error) return;
  const line = document.createElement('div');
  line.className = 'text-danger';
  line.dataset.uploadRefusal = '';
  line.textContent = message;
  error.append(line);
}

function uploadAll(textarea, files) {
  const editor = textarea.closest('[data-editor]');
  editor?.querySelector('[data-upload-error]')?.replaceChildren();
  const limit = maxBytes();
  // Anything else is sent too, so that the server's judgement (by content, not by name or type) is the one shown.
  for (const file of files) {
    // A file over the limit is said so at once: sent, it would be cut off by the server before any answer (a phone's
    // photo is often larger), and "try again" would never help.
    if (limit > 0 && file.size > limit) refuse(textarea, refusal(413, file.name || 'image'));
    else upload(textarea, file);
  }
}

function images(dataTransfer) {
  return [...(dataTransfer?.files || [])];
}

export function startUploads(editor) {
  const textarea = editor.querySelector('textarea[data-markdown]');
  const picker = editor.querySelector('input[data-upload-input]');
  const button = editor.querySelector('[data-md="upload"]');
  if (!textarea || !picker) return;
  textarea.addEventListener('paste', (event) => {
    const files = images(event.clipboardData);
    if (!files.length) return; // text is pasted as text
    event.preventDefault();
    uploadAll(textarea, files);
  });
  textarea.addEventListener('dragover', (event) => {
    if ([...(event.dataTransfer?.types || [])].includes('Files')) event.preventDefault();
  });
  textarea.addEventListener('drop', (event) => {
    const files = images(event.dataTransfer);
    if (!files.length) return;
    event.preventDefault();
    textarea.focus();
    uploadAll(textarea, files);
  });
  button?.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    const files = [...picker.files];
    picker.value = '';
    textarea.focus();
    if (files.length) uploadAll(textarea, files);
  });
}
