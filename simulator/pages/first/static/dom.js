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

// ---------- variation ----------
//
// A seeded Variation (simulator/variation.go) draws for each dimension one
// of several renderings of the same words. The page learns the draw from
// window.simVariation (server-rendered pages) or from the Marketplace's
// session (setVariation). Each dimension is a table of small functions, one
// per choice, the first being the plain rendering; variant picks one.

let drawnVariation = window.simVariation || {};

function setVariation(v) {
  drawnVariation = v || {};
}

// drawn is the choice drawn for dim, or '' when nothing was drawn.
function drawn(dim) {
  return drawnVariation[dim] || '';
}

// variant returns the function of table that dim's drawn choice names, or
// the table's first (the plain rendering).
function variant(dim, table) {
  return table[drawn(dim)] || table[Object.keys(table)[0]];
}

// icon draws a small inline svg, unnamed as icons on real sites often are.
const ICONS = {
  caret: 'M4 6l4 4 4-4',
  plus: 'M8 3v10M3 8h10',
  eye: 'M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5zM8 10a2 2 0 100-4 2 2 0 000 4z',
  'eye-off': 'M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5zM2 2l12 12',
  check: 'M3 8l3 3 7-7',
  grid: 'M2 2h5v5H2zM9 2h5v5H9zM2 9h5v5H2zM9 9h5v5H9z',
};

function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.6');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg;
}

// textOf is what kids read as one string (an <input>'s value).
function textOf(kids) {
  return h('span', {}, kids).textContent.trim();
}

// isDisabled, setDisabled and busy work on every kind of control: a
// <button> or <input> is disabled, anything else is marked so.
function isDisabled(el) {
  return el.disabled === true || el.getAttribute('aria-disabled') === 'true' || el.classList.contains('is-disabled');
}

function setDisabled(el, on) {
  if (el.tagName === 'BUTTON' || el.tagName === 'INPUT') {
    el.disabled = on;
    return;
  }
  el.classList.toggle('is-disabled', on);
  if (el.getAttribute('role') === 'button') {
    if (on) el.setAttribute('aria-disabled', 'true');
    else el.removeAttribute('aria-disabled');
  }
}

function busy(el, on) {
  setDisabled(el, on);
  if (on) el.setAttribute('aria-busy', 'true');
  else el.removeAttribute('aria-busy');
}

// The renderings of a primary action (dimension "controls"). o.submit
// makes it submit its form.
const CONTROLS = {
  button: (kids, o) => h('button', { type: o.submit ? 'submit' : 'button', class: o.cls }, kids),
  link: (kids, o) => h('a', { role: 'button', href: '#', class: o.cls }, kids),
  input: (kids, o) => h('input', { type: o.submit ? 'submit' : 'button', class: o.cls, value: textOf(kids) }),
  div: (kids, o) => h('div', { class: o.cls + ' clickable' }, kids),
};

// control makes a primary action as the variation draws it: o.cls its
// class ('btn' unless given), o.submit to submit its form, o.onPress what
// a press does, o.disabled to start disabled. A disabled control ignores
// presses whatever its element.
function control(kids, o) {
  o = Object.assign({ cls: 'btn' }, o);
  const el = variant('controls', CONTROLS)(kids, o);
  const native = el.tagName === 'BUTTON' || el.tagName === 'INPUT';
  el.addEventListener('click', function (e) {
    if (el.tagName === 'A') e.preventDefault();
    if (isDisabled(el)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    if (o.submit && !native) {
      const form = el.closest('form');
      if (form) form.requestSubmit();
    }
    if (o.onPress) o.onPress(e);
  });
  if (el.getAttribute('role') === 'button') {
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        el.click();
      }
    });
  }
  if (o.disabled) setDisabled(el, true);
  return el;
}

// The ways a form field is labelled (dimensions "fields", "signinFields").
// Each takes the words and the input and returns the field's block.
const FIELD_LABELS = {
  label: (text, input) => {
    if (!input.id) input.id = uid('field');
    return h('div', { class: 'field' }, h('label', { for: input.id }, text), input);
  },
  'aria-label': (text, input) => {
    input.setAttribute('aria-label', text);
    return h('div', { class: 'field' }, h('div', { class: 'label-text' }, text), input);
  },
  placeholder: (text, input) => {
    input.setAttribute('placeholder', text);
    return h('div', { class: 'field' }, input);
  },
  'text-above': (text, input) => h('div', { class: 'field' }, h('div', { class: 'label-text' }, text), input),
};

// field labels input with text as dim draws; after is appended (hints).
function field(dim, text, input, ...after) {
  const node = variant(dim, FIELD_LABELS)(text, input);
  node.append(...after.flat(Infinity).filter(Boolean));
  return node;
}
