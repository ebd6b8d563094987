package automation

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// engineJS is the page-side locator engine; see the file's own header.
//
//go:embed engine.js
var engineJS string

// engineResult is one answer of the engine: its value, or word that the
// document has no engine yet (a new page).
type engineResult[T any] struct {
	Missing bool `json:"missing"`
	V       T    `json:"v"`
}

// engineCall calls method of the page's locator engine with args (encoded
// as JSON) and decodes its answer. A document that has no engine yet gets
// one first. Every lookup is one such call: one round trip to Chrome.
func engineCall[T any](ctx context.Context, t *chromedp.Target, method string, args ...any) (T, error) {
	var zero T
	enc := make([]string, len(args))
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			return zero, fmt.Errorf("engine %s: %w", method, err)
		}
		enc[i] = string(b)
	}
	expr := `(async () => { const z = globalThis[Symbol.for('zoomsetup.engine')]; return z ? {v: await z.` + method + `(` + strings.Join(enc, ",") + `)} : {missing: true}; })()`
	for try := 0; try < 2; try++ {
		r, err := chromedp.Evaluate[engineResult[T]](expr, chromedp.EvalAwaitPromise)(ctx, t)
		if err != nil {
			return zero, err
		}
		if !r.Missing {
			return r.V, nil
		}
		if _, err := chromedp.Evaluate[chromedp.Void](engineJS+";undefined")(ctx, t); err != nil {
			return zero, fmt.Errorf("install the locator engine: %w", err)
		}
	}
	return zero, fmt.Errorf("the page lost the locator engine while it was looked at")
}

// pageHookJS runs before any script of every document. It notes the
// elements that get a click handler, so an element without a role that
// reacts to clicks (a div with a handler) can be told from plain text, and
// counts the page's requests in flight, so a wait can tell a page that is
// still loading from one that has shown all it will.
const pageHookJS = `(() => {
  try {
    const K = Symbol.for('zoomsetup.clicks');
    if (globalThis[K]) return;
    const marked = new WeakSet();
    Object.defineProperty(globalThis, K, {value: marked});
    const add = EventTarget.prototype.addEventListener;
    const kinds = new Set(['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']);
    EventTarget.prototype.addEventListener = function (type, fn, opts) {
      if (kinds.has(type) && this instanceof Element) marked.add(this);
      return add.call(this, type, fn, opts);
    };
    // Shadow roots, closed ones too, so what a component draws inside its
    // own tree is found like the rest of the page.
    const shadows = [];
    Object.defineProperty(globalThis, Symbol.for('zoomsetup.shadows'), {value: shadows});
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      shadows.push(root);
      return root;
    };
    const net = {pending: 0, last: 0, timers: new Set()};
    Object.defineProperty(globalThis, Symbol.for('zoomsetup.net'), {value: net});
    const begin = () => { net.pending++; net.last = performance.now(); };
    const end = () => { net.pending = Math.max(0, net.pending - 1); net.last = performance.now(); };
    if (globalThis.fetch) {
      const f = globalThis.fetch;
      globalThis.fetch = function (...args) {
        begin();
        let p;
        try { p = f.apply(this, args); } catch (e) { end(); throw e; }
        p.then(end, end);
        return p;
      };
    }
    // Timers due within two seconds are work the page has scheduled: a
    // skeleton that shows its content later.
    const set = globalThis.setTimeout, clear = globalThis.clearTimeout;
    Object.defineProperty(globalThis, Symbol.for('zoomsetup.setTimeout'), {value: set});
    globalThis.setTimeout = function (fn, ms, ...rest) {
      let id;
      const soon = !(Number(ms) > 2000);
      const run = typeof fn === 'function' ? function () { net.timers.delete(id); return fn.apply(this, arguments); } : fn;
      id = set.call(this, run, ms, ...rest);
      if (soon && typeof fn === 'function' && Number(ms) > 0) net.timers.add(id);
      return id;
    };
    globalThis.clearTimeout = function (id) { net.timers.delete(id); return clear.call(this, id); };
    if (globalThis.XMLHttpRequest) {
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (...args) {
        begin();
        this.addEventListener('loadend', end);
        return send.apply(this, args);
      };
    }
  } catch (e) {}
})();`

// ComputedAccessibility is the Chrome feature that lets page script read the
// browser's own role and accessible name of an element (computedRole,
// computedName). Launch turns it on so tests can hold the engine's own
// computation against Chrome's; lookups do not use it (see engine.js).
const ComputedAccessibility = "ComputedAccessibilityInfo"
