// A copy button on every code block of a post, the preview and answers that arrive live. The highlighting itself is
// done on the server; this only adds the button, which copies the code as written.
import { word } from './words.js';

function fallbackCopy(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'code-copy-scratch';
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch (e) {
    done = false;
  }
  area.remove();
  return done;
}

async function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      // refused (no permission, not focused): try the old way
    }
  }
  return fallbackCopy(text);
}

function addButton(pre) {
  const code = pre.querySelector(':scope > code');
  if (!code || pre.parentElement.classList.contains('code-block')) return;
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  pre.replaceWith(wrapper);
  wrapper.appendChild(pre);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn btn-sm btn-outline-secondary code-copy';
  button.textContent = word('Copy', 'Copy');
  button.title = word('CopyLabel', 'Copy the code');
  button.setAttribute('aria-label', button.title);
  button.dataset.codeCopy = '';
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  wrapper.append(button, status);
  let reset = null;
  button.addEventListener('click', async () => {
    const done = await copy(code.textContent);
    const said = done ? word('Copied', 'Copied') : word('CopyFailed', 'Copying did not work: select the code and copy it yourself.');
    button.textContent = done ? said : word('Copy', 'Copy');
    status.textContent = said;
    clearTimeout(reset);
    reset = setTimeout(() => {
      button.textContent = word('Copy', 'Copy');
      status.textContent = '';
    }, 2000);
  });
}

function addButtons(root) {
  if (root.matches && root.matches('.post-body pre')) addButton(root);
  if (root.querySelectorAll) root.querySelectorAll('.post-body pre').forEach(addButton);
}

addButtons(document);
new MutationObserver((changes) => {
  for (const change of changes) {
    change.addedNodes.forEach((node) => {
      if (node.nodeType === Node.ELEMENT_NODE && !node.classList.contains('code-block')) addButtons(node);
    });
  }
}).observe(document.body, { childList: true, subtree: true });
