// The header's unread count, live: every page of a member holds one socket to /ws/me, which sends the count on
// connect and whenever it changes (a new notification, notifications read in another tab), and each new notification's
// line, rendered by the server as the inbox shows it. On the inbox's first page a new line goes on top. Without this
// script the count is what the page was rendered with.

import { lendToken } from './live-changes.js';

const badge = document.querySelector('[data-unread]');

function startInbox() {
  const label = document.querySelector('[data-unread-label]');
  const status = document.querySelector('[data-unread-status]');
  const list = document.getElementById('notifications');
  const inboxCount = document.querySelector('[data-inbox-unread]'); // the inbox's own "N unread"
  const firstPage = list && list.dataset.inboxPage === '1';
  // The server counts up to 100 and shows that as "99+".
  const text = (n) => (n >= 100 ? '99+' : String(n));
  let shown = badge.textContent.trim() === '' ? 0 : badge.textContent.trim().endsWith('+') ? 100 : Number(badge.textContent);
  let socket = null;
  let attempts = 0;
  let timer = null;
  let stopped = false;

  const setCount = (n) => {
    if (!Number.isFinite(n) || n < 0) return;
    badge.textContent = n > 0 ? text(n) : '';
    if (label) label.textContent = n > 0 ? ' ' + (label.dataset.text || 'unread') : '';
    if (inboxCount) inboxCount.textContent = text(n);
    // Said politely, and only when it changed: a reconnect that finds the same count says nothing.
    if (status && n !== shown) {
      // the page gives the sentences in its language (%n: the count); English if it does not
      const words = status.dataset;
      const form = words[new Intl.PluralRules(document.documentElement.lang).select(n)] || words.many;
      status.textContent = n === 0 ? words.none || 'No unread notifications.'
        : n >= 100 ? words.more || 'More than 99 unread notifications.'
          : form ? form.replace('%n', String(n)) : n === 1 ? '1 unread notification.' : n + ' unread notifications.';
    }
    shown = n;
  };

  const addItem = (message) => {
    if (!firstPage || list.querySelector('[data-notification-id="' + Number(message.id) + '"]')) return;
    const template = document.createElement('template');
    template.innerHTML = message.html; // rendered and escaped by the server
    const item = template.content.firstElementChild;
    if (!item) return;
    lendToken(item); // its "Mark read" form posts with the page's token
    document.getElementById('notifications-empty')?.remove();
    list.prepend(item);
  };

  const connect = () => {
    timer = null;
    if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) return;
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + window.location.host + '/ws/me');
    socket.addEventListener('message', (event) => {
      attempts = 0; // the server took us in: it greets every socket with the count
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (message.type === 'unread') setCount(Number(message.count));
      else if (message.type === 'notification') addItem(message);
    });
    socket.addEventListener('close', (event) => {
      socket = null;
      if (stopped) return;
      if (event.code === 1008) attempts = Math.max(attempts, 5);
      // Exponential backoff with jitter; the greeting of the next socket brings the count up to date.
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
  window.addEventListener('pagehide', () => {
    stopped = true;
    socket?.close(1000);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      stopped = false;
      reconnectNow();
    }
  });
  connect();
}

if (badge && 'WebSocket' in window) startInbox();
