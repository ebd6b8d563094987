/*
 * Third rendering of the simulated Zoom and MEETS sites: the shared UI runtime.
 * Written from shared/reference/zoom-and-meets.md and simulator/pages/README.md
 * alone, without reading the flows or the other renderings.
 *
 * A small stand-in for what a component framework's compiled output does at
 * run time: styles as generated class names inserted into a style sheet
 * (css-in-js), elements built by a factory, one delegated listener per event
 * type on each container (the root and every portal), regions that re-render
 * by replacing their whole subtree, focus and scroll kept across re-renders.
 */
(function (global) {
  'use strict';

  // ---- css-in-js -----------------------------------------------------------
  var styleEl = document.createElement('style');
  styleEl.setAttribute('data-emotion', 'css');
  document.head.appendChild(styleEl);
  var sheet = styleEl.sheet;
  var cache = Object.create(null);
  var unitless = { opacity: 1, zIndex: 1, fontWeight: 1, lineHeight: 1, flex: 1, flexGrow: 1, flexShrink: 1, order: 1 };

  function hash(str) {
    var h = 5381;
    for (var i = 0; i < str.length; i++) h = ((h << 5) + h) ^ str.charCodeAt(i);
    return (h >>> 0).toString(36);
  }
  function kebab(k) { return k.replace(/[A-Z]/g, function (m) { return '-' + m.toLowerCase(); }); }
  function serialize(sel, obj, out) {
    var decl = '';
    var nested = [];
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      if (v === null || v === undefined || v === false) return;
      if (typeof v === 'object') { nested.push([k, v]); return; }
      if (typeof v === 'number' && !unitless[k]) v = v + 'px';
      decl += kebab(k) + ':' + v + ';';
    });
    if (decl) out.push(sel + '{' + decl + '}');
    nested.forEach(function (kv) {
      if (kv[0].charAt(0) === '@') {
        var inner = [];
        serialize(sel, kv[1], inner);
        out.push(kv[0] + '{' + inner.join('') + '}');
      } else {
        serialize(kv[0].replace(/&/g, sel), kv[1], out);
      }
    });
  }
  function insert(rule) {
    try { sheet.insertRule(rule, sheet.cssRules.length); } catch (e) { /* an unknown selector in this browser */ }
  }
  // css(style...) returns a generated class name for the merged style objects.
  function css() {
    var obj = {};
    for (var i = 0; i < arguments.length; i++) if (arguments[i]) Object.assign(obj, arguments[i]);
    var key = JSON.stringify(obj);
    if (cache[key]) return cache[key];
    var name = 'css-' + hash(key);
    var rules = [];
    serialize('.' + name, obj, rules);
    rules.forEach(insert);
    cache[key] = name;
    return name;
  }
  function keyframes(body) {
    var name = 'animation-' + hash(body);
    if (!cache[name]) { insert('@keyframes ' + name + '{' + body + '}'); cache[name] = name; }
    return name;
  }
  function globalCss(text) { text.split('}\n').forEach(function (r) { if (r.trim()) insert(r.trim() + '}'); }); }

  // ---- elements ---------------------------------------------------------------
  var SVG = 'http://www.w3.org/2000/svg';
  var svgTags = { svg: 1, path: 1, circle: 1, rect: 1, g: 1, polyline: 1, line: 1 };
  var props = { value: 1, checked: 1, disabled: 1, selected: 1, indeterminate: 1 };

  function h(tag, attrs) {
    var el = svgTags[tag] ? document.createElementNS(SVG, tag) : document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'className') { if (v) el.setAttribute('class', v); }
        else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
        else if (k === 'ref') { /* called below */ }
        else if (props[k] && !svgTags[tag]) el[k] = v;
        else el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    if (attrs && typeof attrs.ref === 'function') attrs.ref(el);
    return el;
  }
  function append(el, c) {
    if (c === null || c === undefined || c === false || c === true) return;
    if (Array.isArray(c)) { c.forEach(function (x) { append(el, x); }); return; }
    if (typeof c === 'string' || typeof c === 'number') { el.appendChild(document.createTextNode(String(c))); return; }
    el.appendChild(c);
  }

  var icons = {
    chevronDown: 'M6 9l6 6 6-6',
    chevronRight: 'M9 6l6 6-6 6',
    plus: 'M12 5v14M5 12h14',
    close: 'M6 6l12 12M18 6L6 18',
    copy: 'M9 9h10v10H9zM5 15V5h10',
    eye: 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 9a3 3 0 100 6 3 3 0 000-6z',
    eyeOff: 'M3 3l18 18M10.6 6.1A10.4 10.4 0 0112 6c6.5 0 10 6 10 6a17 17 0 01-3.2 3.9M6.6 6.6C3.9 8.3 2 12 2 12s3.5 6 10 6c1.6 0 3-.3 4.3-.9',
    check: 'M5 12l5 5 9-10',
    refresh: 'M20 11a8 8 0 10-2.3 5.7M20 4v7h-7',
    search: 'M11 4a7 7 0 110 14 7 7 0 010-14zM21 21l-5-5',
    alert: 'M12 3l10 18H2zM12 10v5M12 18v.5',
    grid: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z',
    code: 'M8 7l-5 5 5 5M16 7l5 5-5 5',
    bell: 'M6 16V11a6 6 0 0112 0v5l2 2H4zM10 20h4',
    key: 'M15 7a4 4 0 11-3.5 6H9v2H7v2H4v-3l5.5-5.5A4 4 0 0115 7z',
    bolt: 'M13 2L4 14h7l-1 8 9-12h-7z',
    user: 'M12 12a4 4 0 100-8 4 4 0 000 8zM4 21c1-4 4.5-6 8-6s7 2 8 6',
    home: 'M3 11l9-7 9 7v9H3z',
    box: 'M4 7l8-4 8 4v10l-8 4-8-4zM4 7l8 4 8-4M12 11v10',
    info: 'M12 8v.5M12 11v6M12 2a10 10 0 110 20 10 10 0 010-20z'
  };
  function icon(name, size) {
    size = size || 16;
    var paths = (icons[name] || '').split(/(?=M)/);
    return h('svg', { viewBox: '0 0 24 24', width: size, height: size, fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' },
      paths.map(function (d) { return h('path', { d: d }); }));
  }

  // ---- regions: named subtrees re-rendered by replacement ----------------------
  var regions = Object.create(null);
  var scrolls = Object.create(null);
  var afterHooks = [];

  function region(name, fn, tag) {
    regions[name] = fn;
    var el = fn();
    el.setAttribute('data-r', name);
    return el;
  }
  function captureFocus() {
    var a = document.activeElement;
    if (!a || a === document.body) return null;
    var key = a.getAttribute && a.getAttribute('data-fk');
    if (!key) return null;
    var sel = null;
    try { if (typeof a.selectionStart === 'number') sel = [a.selectionStart, a.selectionEnd]; } catch (e) { sel = null; }
    return { key: key, sel: sel };
  }
  function restoreFocus(f) {
    if (!f) return;
    var el = document.querySelector('[data-fk="' + cssEscape(f.key) + '"]');
    if (!el || el === document.activeElement) return;
    el.focus({ preventScroll: true });
    if (f.sel) { try { el.setSelectionRange(f.sel[0], f.sel[1]); } catch (e) { /* not a text field */ } }
  }
  function restoreScrolls(scope) {
    (scope || document).querySelectorAll('[data-scroll-key]').forEach(function (el) {
      var v = scrolls[el.getAttribute('data-scroll-key')];
      if (v) el.scrollTop = v;
    });
  }
  function cssEscape(s) { return (global.CSS && CSS.escape) ? CSS.escape(s) : String(s).replace(/"/g, '\\"'); }
  function rerender(name) {
    var f = captureFocus();
    document.querySelectorAll('[data-r="' + cssEscape(name) + '"]').forEach(function (old) {
      var fn = regions[name];
      if (!fn) return;
      var nu = fn();
      nu.setAttribute('data-r', name);
      old.replaceWith(nu);
      restoreScrolls(nu.parentNode);
    });
    restoreFocus(f);
    runAfter();
  }
  function mount(container, fn) {
    var f = captureFocus();
    container.replaceChildren(fn());
    restoreScrolls(container);
    restoreFocus(f);
    runAfter();
  }
  function after(fn) { afterHooks.push(fn); }
  function runAfter() { var hooks = afterHooks; afterHooks = []; hooks.forEach(function (fn) { fn(); }); }

  // ---- event delegation ----------------------------------------------------------
  var handlers = Object.create(null);
  function on(map) { Object.assign(handlers, map); }
  var kinds = { click: 'data-click', input: 'data-input', change: 'data-change', submit: 'data-submit', focusout: 'data-blur', keydown: 'data-keydown' };

  function dispatch(type, e, container) {
    var attr = kinds[type];
    var node = e.target;
    while (node && node !== container.parentNode) {
      if (node.nodeType === 1 && node.hasAttribute(attr)) {
        if (type === 'click' && node.getAttribute('aria-disabled') === 'true') { e.preventDefault(); return; }
        var fn = handlers[node.getAttribute(attr)];
        if (fn && fn(node, e) !== 'pass') return;
      }
      node = node.parentNode;
    }
  }
  function delegate(container) {
    Object.keys(kinds).forEach(function (type) {
      container.addEventListener(type, function (e) { dispatch(type, e, container); });
    });
    // Keyboard activation of clickable elements that are not native controls.
    container.addEventListener('keydown', function (e) {
      if (e.defaultPrevented) return;
      var t = e.target;
      if ((e.key === 'Enter' || e.key === ' ') && t.hasAttribute && t.hasAttribute('data-click') && !/^(BUTTON|A|INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) {
        e.preventDefault();
        t.click();
      }
    });
    container.addEventListener('scroll', function (e) {
      var t = e.target;
      if (t.nodeType !== 1 || !t.hasAttribute('data-scroll-key')) return;
      scrolls[t.getAttribute('data-scroll-key')] = t.scrollTop;
      var fn = handlers[t.getAttribute('data-scroll')];
      if (fn) fn(t, e);
    }, true);
  }

  // ---- portals ----------------------------------------------------------------------
  var portals = Object.create(null);
  function portal(name) {
    if (portals[name]) return portals[name];
    var el = document.createElement('div');
    el.setAttribute('data-portal', name);
    el.className = css({ position: 'relative', zIndex: name === 'toasts' ? 1300 : name === 'popover' ? 1200 : 1100 });
    document.body.appendChild(el);
    delegate(el);
    portals[name] = el;
    return el;
  }

  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  var uid = 0;
  function nextId(p) { uid++; return (p || ':r') + uid.toString(36) + ':'; }

  global.__ui = {
    css: css, keyframes: keyframes, globalCss: globalCss, h: h, icon: icon,
    region: region, rerender: rerender, mount: mount, after: after, scrolls: scrolls,
    on: on, delegate: delegate, portal: portal, sleep: sleep, nextId: nextId
  };
})(window);
