// Live question page: new answers, edits, deletions and comments of the open question arrive over a WebSocket, with
// how many people are reading it. The server renders every post and comment (the same fragments as the page), so no
// HTML is ever built here from member text. Without this script (or without WebSocket), the page is simply what the
// server rendered.

const section = document.querySelector('[data-live]');

function compare(a, b) {
  // Stream positions are "millis-sequence"; compare numerically, part by part.
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}

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
// focus (on the same element if it moved into the new node, or else on the new node, without scrolling).
function replaceNode(old, node) {
  const focused = old.contains(document.activeElement) ? document.activeElement : null;
  const selection = focused && typeof focused.selectionStart === 'number'
    ? [focused.selectionStart, focused.selectionEnd] : null;
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

// What the reader has on a post that is replaced stays as it is: their vote (with the new score), the comments shown,
// a comment being written, the live status and viewer count in the question's byline.
function keepReaderState(old, node) {
  const oldVote = old.querySelector('[data-vote-widget]');
  const newVote = node.querySelector('[data-vote-widget]');
  if (oldVote && newVote) {
    const score = newVote.querySelector('[data-score]')?.textContent;
    newVote.replaceWith(oldVote);
    const shown = oldVote.querySelector('[data-score]');
    if (shown && score !== undefined) shown.textContent = score;
  }
  for (const hook of ['data-comments-for', 'data-comment-form-for']) {
    old.querySelectorAll('[' + hook + ']').forEach((kept) => {
      const fresh = node.querySelector('[' + hook + '="' + CSS.escape(kept.getAttribute(hook)) + '"]');
      if (fresh) fresh.replaceWith(kept);
      else if (hook === 'data-comments-for') node.querySelector('.post-body')?.after(kept);
    });
  }
  for (const hook of ['[data-viewers-line]', '[data-live-status]']) {
    const kept = old.querySelector(hook);
    const fresh = node.querySelector(hook);
    if (kept && fresh) fresh.replaceWith(kept);
  }
}

function startLive() {
  const list = document.getElementById('answers');
  const status = document.querySelector('[data-live-status]');
  const alertBox = section.querySelector('[data-live-alert]');
  const viewers = document.querySelector('[data-viewers]');
  const viewersLine = viewers?.closest('[data-viewers-line]'); // hidden until the socket's greeting brings the count
  const count = section.querySelector('[data-answer-count]');
  const noun = section.querySelector('[data-answer-noun]');
  const insert = section.dataset.liveMode === 'insert';
  let position = section.dataset.livePosition || null;
  let socket = null;
  let attempts = 0;
  let timer = null;
  let stopped = false;
  let outdated = false;
  const announced = new Set(); // answers the alert counted: the stream may carry one answer twice

  const setStatus = (paused) => status?.classList.toggle('d-none', !paused);

  // Each frame about answers carries the count as it was when the server rendered it, never older than the frame's
  // change; frames come in stream order, so the last one is right, deletions included.
  const setCount = (n) => {
    if (!count || !Number.isFinite(n) || n < 0) return;
    count.textContent = String(n);
    if (noun) noun.textContent = n === 1 ? 'answer' : 'answers';
  };

  const showAlert = (text, linkText, href) => {
    if (!alertBox) return;
    alertBox.replaceChildren();
    alertBox.append(text + ' ');
    const link = document.createElement('a');
    link.href = href;
    link.className = 'alert-link';
    link.textContent = linkText;
    alertBox.append(link);
    alertBox.classList.remove('d-none');
  };

  // Where a reconnect replays from: the newest position the server said we have everything up to.
  const advance = (next) => {
    if (next && (!position || compare(next, position) > 0)) position = next;
  };

  const receiveAnswer = (message) => {
    advance(message.position);
    setCount(Number(message.answers));
    if (document.getElementById('answer-' + message.answerId)) return; // already shown (the poster's own, a replay)
    if (insert) {
      const answer = parse(message.html);
      if (!answer) return;
      answer.classList.add('highlight');
      document.getElementById('answers-empty')?.remove();
      list.prepend(answer);
    } else {
      if (announced.has(message.answerId)) return;
      announced.add(message.answerId);
      const text = announced.size === 1 ? 'A new answer was posted.' : announced.size + ' new answers were posted.';
      showAlert(text, 'See the newest answers', '/answers/' + Number(message.answerId));
    }
  };

  // An answer edited or undeleted: replaced where it is (an undeleted one where its note is), or, undeleted and not on
  // the page, inserted like a new one where new answers go.
  const receiveAnswerUpdate = (message) => {
    advance(message.position);
    setCount(Number(message.answers));
    const id = Number(message.answerId);
    const old = document.getElementById('answer-' + id)
      || list.querySelector('[data-deleted-answer-id="' + id + '"]');
    if (!old && !(insert && message.change === 'undeleted')) return; // an answer this page does not show
    const answer = parse(message.html);
    if (!answer) return;
    answer.classList.add('highlight');
    if (!old) {
      document.getElementById('answers-empty')?.remove();
      list.prepend(answer);
      return;
    }
    keepReaderState(old, answer);
    replaceNode(old, answer);
  };

  const receiveAnswerDeletion = (message) => {
    advance(message.position);
    setCount(Number(message.answers));
    const id = Number(message.answerId);
    const old = document.getElementById('answer-' + id);
    if (!old) return;
    const note = document.createElement('p');
    note.className = 'answer-deleted py-3 mb-0 border-bottom text-body-secondary small';
    note.dataset.deletedAnswerId = String(id);
    note.setAttribute('role', 'status');
    note.textContent = 'This answer was deleted.';
    replaceNode(old, note);
  };

  const receiveQuestionUpdate = (message) => {
    advance(message.position);
    const old = document.querySelector('article[data-question-id]');
    const question = parse(message.html);
    if (!old || !question) return;
    question.classList.add('highlight');
    keepReaderState(old, question);
    replaceNode(old, question);
    document.querySelector('[data-question-deleted]')?.remove(); // undeleted
  };

  const receiveQuestionDeletion = (message) => {
    advance(message.position);
    const question = document.querySelector('article[data-question-id]');
    if (!question || document.querySelector('[data-question-deleted]')) return;
    const notice = document.createElement('div');
    notice.className = 'alert alert-warning';
    notice.dataset.questionDeleted = '';
    notice.setAttribute('role', 'alert');
    notice.textContent = 'This question was deleted.';
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
    advance(message.position);
    if (document.querySelector('[data-comment-id="' + Number(message.commentId) + '"]')) return; // shown already
    const comments = commentList(String(message.postId));
    const comment = comments && parse(message.html);
    if (!comment) return;
    comment.classList.add('highlight');
    keepScroll(() => comments.getBoundingClientRect().bottom, () => comments.append(comment));
  };

  const receiveCommentDeletion = (message) => {
    advance(message.position);
    const comment = document.querySelector('[data-comment-id="' + Number(message.commentId) + '"]');
    if (!comment) return;
    const comments = comment.parentElement;
    keepScroll(() => comments.getBoundingClientRect().bottom, () => comment.remove());
  };

  const receivers = {
    answer: receiveAnswer,
    'answer-updated': receiveAnswerUpdate,
    'answer-deleted': receiveAnswerDeletion,
    'question-updated': receiveQuestionUpdate,
    'question-deleted': receiveQuestionDeletion,
    comment: receiveComment,
    'comment-deleted': receiveCommentDeletion,
  };

  const reload = () => {
    // The page can no longer be brought up to date: no more live answers on it, they would hide a gap.
    stopped = true;
    outdated = true;
    socket?.close(1000);
    // Never throw away an answer being written, and never reload in a loop: ask instead.
    const drafts = document.querySelectorAll('#answer-form textarea, form[data-comment-form-for] textarea');
    const key = 'qa-live-reload:' + window.location.pathname;
    let recently = false;
    try {
      recently = Date.now() - Number(window.sessionStorage.getItem(key) || 0) < 30000;
    } catch (e) {
      recently = false; // storage unavailable: a reload is still the right answer
    }
    if ([...drafts].some((draft) => draft.value.trim()) || recently) {
      showAlert('The question changed while this page was away.', 'Reload the page', window.location.href);
      return;
    }
    try {
      window.sessionStorage.setItem(key, String(Date.now()));
    } catch (e) {
      // nothing to remember it in
    }
    window.location.reload();
  };

  const connect = () => {
    timer = null;
    if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) return;
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = position ? '?since=' + encodeURIComponent(position) : '';
    socket = new WebSocket(scheme + '//' + window.location.host + section.dataset.live + query);
    socket.addEventListener('open', () => setStatus(false));
    socket.addEventListener('message', (event) => {
      // The backoff starts again only once the server really took us in (it greets every reader), not on a
      // socket it accepts and closes again at once (it may be restarting, or its database down).
      attempts = 0;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (Object.hasOwn(receivers, message.type)) receivers[message.type](message);
      else if (message.type === 'position') advance(message.position);
      else if (message.type === 'viewers' && viewers) {
        viewers.dataset.viewers = String(message.count);
        viewers.textContent = message.count + ' viewing now';
        if (viewersLine) viewersLine.hidden = false;
      } else if (message.type === 'reload') reload();
    });
    socket.addEventListener('close', (event) => {
      socket = null;
      if (stopped) return;
      setStatus(true);
      // A close for policy (1008: too many sockets from this address, or too many messages) would meet the same
      // answer soon after, so the backoff starts at 8-16 s. A refused upgrade (429, too many sockets) shows here as a
      // plain 1006 like a network drop; with no greeting in between, its backoff grows all the same.
      if (event.code === 1008) attempts = Math.max(attempts, 5);
      // Exponential backoff with jitter, so that a restarted server is not hit by every reader at once.
      const delay = Math.min(30000, 500 * 2 ** attempts) * (0.5 + Math.random() / 2);
      attempts += 1;
      timer = setTimeout(connect, delay);
    });
  };

  const reconnectNow = () => {
    if (stopped || socket) return;
    if (timer) clearTimeout(timer);
    connect();
  };
  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reconnectNow();
  });
  // Leaving the page closes the socket on purpose: no "paused" flash, no reconnect.
  window.addEventListener('pagehide', () => {
    stopped = true;
    socket?.close(1000);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && !outdated) {
      stopped = false;
      reconnectNow();
    }
  });
  connect();
}

if (section && document.getElementById('answers') && 'WebSocket' in window) startLive();
