// Writing into a textarea as typing would: the change is announced with an input event, so the preview, the counter
// and the saved draft follow it.

export function replaceRange(textarea, start, end, text, selectStart = start + text.length, selectEnd = selectStart) {
  textarea.setRangeText(text, start, end, 'end');
  textarea.setSelectionRange(selectStart, selectEnd);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

// Replaces the first occurrence of `from` (a placeholder written earlier) wherever the writer has moved it meanwhile;
// answers whether it was still there. The writer's caret keeps its place in the text.
export function replaceText(textarea, from, to) {
  const at = textarea.value.indexOf(from);
  if (at < 0) return false;
  textarea.setRangeText(to, at, at + from.length, 'preserve');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
