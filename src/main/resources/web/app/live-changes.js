// What the question page does with the live changes of its posts: edits, deletions and comments (new answers are
// live.js's own). Every fragment comes rendered and sanitized by the server, with the page's own templates; nothing
// here builds HTML from member text. The reader's place, focus, vote and drafts stay as they were.

// The first element of a fragment the server rendered and sanitized.
function parse(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild;
}

// A change above what the reader looks at must not move it: when the changed part of the page ends above the
// viewport, scroll by as much as it grew or shrank. (Below or in view, the reader's place does not move anyway.)
function keepScroll(edge, apply) {
  const before = edge();
  apply();
  if (before <= 0) {
    const moved = edge() - before;
    if (moved) window.scrollBy(0, moved);
  }
}

// Puts the new node where the old one was, keeping the reader's place and, when it was inside the old node, their
// focus (on the same element if it moved into the new node, or else on the new node, without scrolling). `keep`
// moves what the reader has from the old node into the new one, once the focus is noted: moving loses it.
function replaceNode(old, node, keep) {
  const focused = old.contains(document.activeElement) ? document.activeElement : null;
  const selection = focused && typeof focused.selectionStart === 'number'
    ? [focused.selectionStart, focused.selectionEnd] : null;
  keep?.();
  let current = old;
  keepScroll(() => current.getBoundingClientRect().bottom, () => {
    old.replaceWith(node);
    current = node;
  });
  if (!focused || document.activeElement === focused) return;
  if (node.contains(focused)) {
    focused.focus({ preventScroll: true });
    if (selection) focused.setSelectionRange(selection[0], selection[1]);
  } else {
    if (!node.hasAttribute('tabindex')) node.tabIndex = -1;
    node.focus({ preventScroll: true });
  }
}

// What the reader has on a post that is replaced stays as it is: their vote (with the new score), the comments block
// as they have it (the comments shown, those that came live and those "show more" brought, the "show more" link, the
// comment box open or closed, with what is being written in it), the live status and viewer count in the question's
// byline.
function keepReaderState(old, node) {
  const oldVote = old.querySelector('[data-vote-widget]');
  const newVote = node.querySelector('[data-vote-widget]');
  if (oldVote && newVote) {
    const score = newVote.querySelector('[data-score]')?.textContent;
    newVote.replaceWith(oldVote);
    const shown = oldVote.querySelector('[data-score]');
    if (shown && score !== undefined) shown.textContent = score;
  }
  old.querySelectorAll('[data-comments-for]').forEach((list) => {
    const key = list.getAttribute('data-comments-for');
    const kept = commentsBlock(list, key);
    const freshList = node.querySelector('[data-comments-for="' + CSS.escape(key) + '"]');
    if (freshList) commentsBlock(freshList, key).replaceWith(kept);
    else node.querySelector('.post-body')?.after(kept);
  });
  for (const hook of ['[data-viewers-line]', '[data-live-status]']) {
    const kept = old.querySelector(hook);
    const fresh = node.querySelector(hook);
    if (kept && fresh) fresh.replaceWith(kept);
  }
}

// The post's whole comments block (list, "show more", comment box) around its list; a bare list where there is none.
function commentsBlock(list, key) {
  const block = list.parentElement;
  return block && block.id === 'comments-' + key ? block : list;
}

// Whether the page is a member's, as the server rendered it; without the mark, a visitor's.
// The page's words for the notes these handlers write (data-text-* of the live alert box); English where it has none.
const words = () => document.querySelector('[data-live-alert]')?.dataset || {};

const MEMBER = document.querySelector('[data-live-reader]')?.dataset.liveReader === 'member';

// A fragment pushed to everyone carries the parts of members and of visitors alike (the comment box, "Log in to
// comment"), each marked: the page keeps those of its reader.
export function fitReader(node) {
  node.querySelectorAll(MEMBER ? '[data-for-visitors]' : '[data-for-members]').forEach((part) => part.remove());
}

// The form field of the page's CSRF token (quarkus.rest-csrf.form-field-name).
const TOKEN_FIELD = 'csrf-token';

// A pushed fragment has no request to take a CSRF token from, so its forms come without one: they get the token of
// the page the reader is on (a member's page has one; a visitor's forms lead to the login page anyway).
export function lendToken(node) {
  const token = document.querySelector('input[name="' + TOKEN_FIELD + '"]');
  if (!token) return;
  node.querySelectorAll('form[method="post"]').forEach((form) => {
    if (!form.querySelector('input[name="' + TOKEN_FIELD + '"]')) form.prepend(token.cloneNode());
  });
}

// The read-only copy of an answer pinned above the list (the answer itself is on another page): an edit brings its
// new text. Its score and its author line stay as the page showed them.
function refreshPinned(id, html) {
  const pinned = document.querySelector('[data-pinned-answer="' + id + '"]');
  const body = pinned?.querySelector('.post-body');
  const fresh = body && parse(html)?.querySelector('.post-body');
  if (fresh) keepScroll(() => pinned.getBoundingClientRect().bottom, () => body.replaceWith(fresh));
}

// The handlers of the change frames, by type, for the answer list `list`; `insert`: the page takes new answers in
// (first page, newest first), so an undeleted answer it does not show goes on top like a new one.
export function postChanges(list, insert) {
  // An answer edited or undeleted: replaced where it is (an undeleted one where its note is), or, undeleted and not on
  // the page, inserted like a new one where new answers go.
  const receiveAnswerUpdate = (message) => {
    const id = Number(message.answerId);
    refreshPinned(id, message.html);
    const old = document.getElementById('answer-' + id)
      || list.querySelector('[data-deleted-answer-id="' + id + '"]');
    if (!old && !(insert && message.change === 'undeleted')) return; // an answer this page does not show
    const answer = parse(message.html);
    if (!answer) return;
    answer.classList.add('highlight');
    fitReader(answer);
    if (!old) {
      lendToken(answer);
      document.getElementById('answers-empty')?.remove();
      list.prepend(answer);
      return;
    }
    lendToken(answer);
    replaceNode(old, answer, () => keepReaderState(old, answer));
  };

  const receiveAnswerDeletion = (message) => {
    const id = Number(message.answerId);
    const pinned = document.querySelector('[data-pinned-answer="' + id + '"]');
    if (pinned) keepScroll(() => pinned.getBoundingClientRect().bottom, () => pinned.remove());
    const old = document.getElementById('answer-' + id);
    if (!old) return;
    const note = document.createElement('p');
    note.className = 'answer-deleted py-3 mb-0 border-bottom text-body-secondary small';
    note.dataset.deletedAnswerId = String(id);
    note.setAttribute('role', 'status');
    note.textContent = words().textAnswerDeleted || 'This answer was deleted.';
    replaceNode(old, note);
    // a deleted accepted answer took the question's accepted mark with it
    const accepted = document.querySelector('[data-accepted-link][href="/answers/' + id + '"]');
    accepted?.closest('[data-accepted-line]')?.remove();
  };

  const receiveQuestionUpdate = (message) => {
    const old = document.querySelector('article[data-question-id]');
    const question = parse(message.html);
    if (!old || !question) return;
    // The fragment is rendered for every page, so it has the line pointing to the accepted answer; the page leaves it
    // out where that answer is pinned above the list.
    question.querySelectorAll('[data-accepted-line]').forEach((line) => {
      const id = line.querySelector('[data-accepted-link]')?.getAttribute('href')?.split('/').pop();
      if (id && document.querySelector('[data-pinned-answer="' + CSS.escape(id) + '"]')) line.remove();
    });
    question.classList.add('highlight');
    fitReader(question);
    lendToken(question);
    replaceNode(old, question, () => keepReaderState(old, question));
    const notice = document.querySelector('[data-question-deleted]'); // undeleted: the notice goes
    if (notice) keepScroll(() => question.getBoundingClientRect().top, () => notice.remove());
  };

  const receiveQuestionDeletion = (message) => {
    const question = document.querySelector('article[data-question-id]');
    if (!question || document.querySelector('[data-question-deleted]')) return;
    const notice = document.createElement('div');
    notice.className = 'alert alert-warning';
    notice.dataset.questionDeleted = '';
    notice.setAttribute('role', 'alert');
    notice.textContent = words().textQuestionDeleted || 'This question was deleted.';
    keepScroll(() => question.getBoundingClientRect().top, () => question.before(notice));
  };

  // The post's comment list; a post without comments may have none yet: an empty one goes under its text.
  const commentList = (postId) => {
    const existing = document.querySelector('[data-comments-for="' + CSS.escape(postId) + '"]');
    if (existing) return existing;
    const [kind, id] = postId.split('-');
    const post = kind === 'question'
      ? document.querySelector('article[data-question-id="' + Number(id) + '"]')
      : document.getElementById('answer-' + Number(id));
    const body = post?.querySelector('.post-body');
    if (!body) return null; // a post this page does not show
    const created = document.createElement('ul');
    created.className = 'comments list-unstyled mb-0 mt-2';
    created.dataset.commentsFor = postId;
    body.after(created);
    return created;
  };

  const receiveComment = (message) => {
    if (document.querySelector('[data-comment-id="' + Number(message.commentId) + '"]')) return; // shown already
    const comments = commentList(String(message.postId));
    const comment = comments && parse(message.html);
    if (!comment) return;
    comment.classList.add('highlight');
    fitReader(comment);
    lendToken(comment);
    keepScroll(() => comments.getBoundingClientRect().bottom, () => comments.append(comment));
  };

  const receiveCommentDeletion = (message) => {
    const comment = document.querySelector('[data-comment-id="' + Number(message.commentId) + '"]');
    if (!comment) return;
    const comments = comment.parentElement;
    keepScroll(() => comments.getBoundingClientRect().bottom, () => comment.remove());
  };

  return {
    'answer-updated': receiveAnswerUpdate,
    'answer-deleted': receiveAnswerDeletion,
    'question-updated': receiveQuestionUpdate,
    'question-deleted': receiveQuestionDeletion,
    comment: receiveComment,
    'comment-deleted': receiveCommentDeletion,
  };
}
