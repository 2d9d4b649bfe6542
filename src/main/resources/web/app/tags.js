// The /tags filter as you type: once typing pauses, the page asks the server for the filtered list (the same page
// the form would open) and swaps its list in; a newer request cancels an older one. Without this script the form
// opens the filtered page.

const form = document.querySelector('form[data-tag-filter]');
const result = document.getElementById('tags-result');
const DEBOUNCE_MS = 250;

function startFilter() {
  let timer = null;
  let controller = null;

  const refresh = async () => {
    const params = new URLSearchParams(new FormData(form));
    if (!params.get('q')) params.delete('q');
    if (params.get('sort') === 'popular') params.delete('sort');
    const url = '/tags' + (params.toString() ? '?' + params : '');
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById('tags-result');
      if (!fresh) return;
      result.replaceChildren(...fresh.childNodes);
      history.replaceState(null, '', url);
    } catch (e) {
      if (e.name !== 'AbortError') throw e;
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  };
  form.querySelector('input[name="q"]').addEventListener('input', later);
  form.querySelector('select[name="sort"]').addEventListener('change', refresh);
}

if (form && result) startFilter();
