// Live question page: new answers, edits, deletions and comments of the open question arrive over a WebSocket, with
// how many people are reading it. The server renders every post and comment (the same fragments as the page), so no
// HTML is ever built here from member text. Without this script (or without WebSocket), the page is simply what the
// server rendered.

import { fitReader, lendToken, postChanges } from './live-changes.js';

const section = document.querySelector('[data-live]');

function compare(a, b) {
  // Stream positions are "millis-sequence"; compare numerically, part by part.
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
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
    // the page gives the noun's plural forms in its language; the browser knows which one a count takes
    if (noun) noun.textContent = noun.dataset[new Intl.PluralRules(document.documentElement.lang).select(n)] || noun.dataset.many;
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
      const template = document.createElement('template');
      template.innerHTML = message.html; // rendered and sanitized by the server
      const answer = template.content.firstElementChild;
      if (!answer) return;
      answer.classList.add('highlight');
      fitReader(answer); // the comment box for a member, the login link for a visitor
      lendToken(answer); // its forms (Delete, Accept, the comment box) post with the page's token
      document.getElementById('answers-empty')?.remove();
      list.prepend(answer);
    } else {
      if (announced.has(message.answerId)) return;
      announced.add(message.answerId);
      const n = announced.size;
      const words = alertBox?.dataset || {};
      const rule = new Intl.PluralRules(document.documentElement.lang).select(n);
      const form = words['text' + rule[0].toUpperCase() + rule.slice(1)] || words.textMany;
      const text = n === 1 ? words.textNewAnswer || 'A new answer was posted.'
        : form ? form.replace('%n', String(n)) : n + ' new answers were posted.';
      showAlert(text, words.textSeeNewest || 'See the newest answers', '/answers/' + Number(message.answerId));
    }
  };

  const changes = postChanges(list, insert);

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
      showAlert(alertBox?.dataset.textQuestionChanged || 'The question changed while this page was away.',
        alertBox?.dataset.textReload || 'Reload the page', window.location.href);
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
      if (message.type === 'answer') receiveAnswer(message);
      else if (Object.hasOwn(changes, message.type)) {
        advance(message.position);
        if ('answers' in message) setCount(Number(message.answers));
        changes[message.type](message);
      } else if (message.type === 'position') advance(message.position);
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
