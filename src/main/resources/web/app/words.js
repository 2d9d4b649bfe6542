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
