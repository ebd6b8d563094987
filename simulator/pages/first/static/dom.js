// dom.js: the one helper every simulated page uses to build markup from data
// without innerHTML, so user-typed text is never parsed as HTML.
'use strict';

let uidCounter = 0;

// uid returns a fresh element id, used only to tie labels and headings to
// their controls.
function uid(prefix) {
  uidCounter += 1;
  return prefix + '-' + uidCounter;
}

// h builds an element: h('button', {type: 'button', onclick: fn}, 'Text').
// Attributes whose value is null, undefined or false are left out.
function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'class') {
      el.className = v;
    } else if (k === 'value') {
      el.value = v;
    } else if (k === 'checked') {
      el.checked = true;
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of kids.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// api sends JSON and returns {status, body}; a network failure becomes
// status 0 so callers show one error path.
async function api(method, path, body) {
  const init = { method, headers: {}, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  try {
    const res = await fetch(path, init);
    let data = null;
    const text = await res.text();
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
    }
    return { status: res.status, body: data || {} };
  } catch (e) {
    return { status: 0, body: { error: 'The server could not be reached.' } };
  }
}
