// Runs in the head before anything is drawn, so a page never flashes in the wrong theme: the reader's own choice
// (the header's toggle, kept in localStorage) or else the system's. A file, not inline: the Content Security Policy
// allows only the site's own scripts. The toggle itself is web/app/theme.js.
(function () {
  var theme = null;
  try {
    theme = localStorage.getItem('qa-theme');
  } catch (e) {
    theme = null;
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-bs-theme', theme);
})();
