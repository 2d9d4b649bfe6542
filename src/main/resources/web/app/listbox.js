// The suggestion lists under a text field (the header's search, the tags field): a listbox whose options the arrow
// keys mark while the focus stays in the field (aria-activedescendant). Each script keeps its own options and picks;
// these are the parts of the pattern they share.

export function openList(input, list, items) {
  list.replaceChildren(...items);
  list.classList.add('show');
  input.setAttribute('aria-expanded', 'true');
}

export function closeList(input, list) {
  list.classList.remove('show');
  list.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

// Marks the option at index (none for -1) as the active one, for the eye and for screen readers.
export function markActive(input, items, index) {
  items.forEach((item, i) => {
    const on = i === index;
    item.classList.toggle('active', on);
    item.setAttribute('aria-selected', String(on));
  });
  if (index >= 0) input.setAttribute('aria-activedescendant', items[index].id);
  else input.removeAttribute('aria-activedescendant');
}
