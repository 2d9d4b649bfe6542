// The header's light/dark switch. The theme itself is set before the page is drawn (/static/theme.js); this keeps
// the button in step, remembers a choice, and follows the system while the reader has made none.
const KEY = 'qa-theme';
const system = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

function stored() {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch (e) {
    return null;
  }
}

function apply(theme) {
  document.documentElement.setAttribute('data-bs-theme', theme);
  const toggle = document.getElementById('theme-toggle');
  if (toggle) toggle.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
}

function current() {
  return document.documentElement.getAttribute('data-bs-theme') === 'dark' ? 'dark' : 'light';
}

const toggle = document.getElementById('theme-toggle');
if (toggle) {
  toggle.hidden = false;
  apply(current());
  toggle.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, next);
    } catch (e) {
      // storage refused (private mode): the switch still works for this page
    }
    apply(next);
  });
}

if (system && system.addEventListener) {
  system.addEventListener('change', (event) => {
    if (!stored()) apply(event.matches ? 'dark' : 'light');
  });
}
