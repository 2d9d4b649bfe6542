// The words the page scripts show come from the page, in the reader's language (data-text-* on <body>); the English
// here is only what a page without them would show.
export function word(name, english) {
  return (document.body && document.body.dataset['text' + name]) || english;
}
