// A form with data-confirm (Delete under a post) asks before it is sent. Without this script it is sent at once,
// which is safe: Undelete brings the post back.

document.addEventListener('submit', (event) => {
  const question = event.target.dataset?.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
