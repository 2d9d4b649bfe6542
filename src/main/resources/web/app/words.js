// The words the page scripts show come from the page, in the reader's language (data-text-* on <body>); the English
// here is only what a page without them would show.
export function word(name, english) {
  return (document.body && document.body.dataset['text' + name]) || english;
}

// The site's own requests to its JSON API ask for refusals in the reader's language (X-Qa-Language: reader), since
// the scripts show them to the reader; other clients of the API get English, which programs may match on.
export function siteFetch(url, options = {}) {
  return fetch(url, {
    credentials: 'same-origin',
    ...options,
    headers: { ...(options.headers || {}), 'X-Qa-Language': 'reader' },
  });
}

// The editor's words sit on an element of their own ([data-editor-words], tags/editor-words.html), on the pages that
// have an editor; %-placeholders in them are filled in with fill().
export function editorWord(name, english) {
  const holder = document.querySelector('[data-editor-words]');
  return (holder && holder.dataset['text' + name]) || word(name, english);
}

export function fill(text, values) {
  return text.replace(/%([a-z]+)/g, (all, key) => (key in values ? String(values[key]) : all));
}
