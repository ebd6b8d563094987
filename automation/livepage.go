package automation

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// livePageCSP lets the live page run its own script and style and nothing
// else: no other script, no frame around it, no form, no request but to
// its own server, pictures only from data: addresses.
var livePageCSP = "default-src 'none'; script-src '" + cspHash(liveScript) + "'; style-src '" + cspHash(liveStyle) +
	"'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// cspHash is the CSP source that allows exactly this inline script or style.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// livePageHTML is the live page of a hand-off: what is asked of the person,
// in words, above the picture of the tab. It holds no secret: the link's
// token stays in the address, which the script reads.
func livePageHTML(h Handoff) []byte {
	until := h.Until
	if until == "" {
		until = "when you are done"
	}
	detail := ""
	if h.Detail != "" {
		detail = capitalize(h.Detail) + ". "
	}
	r := strings.NewReplacer(
		"{{purpose}}", html.EscapeString(capitalize(h.Purpose)),
		"{{detail}}", html.EscapeString(detail+"This page closes by itself "+until+"."),
		"{{style}}", liveStyle,
		"{{script}}", liveScript,
	)
	return []byte(r.Replace(liveHTML))
}

// capitalize makes the first letter upper case, for a heading.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

const liveHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>zoomsetup: {{purpose}}</title>
<style>{{style}}</style>
</head>
<body>
<header>
<h1>{{purpose}}</h1>
<p>{{detail}}</p>
<p><span id="status" role="status">Connecting to the browser…</span> <span id="left"></span></p>
<p id="where"></p>
</header>
<main>
<img id="screen" class="wait" alt="The browser zoomsetup works in: click, type and scroll here as in any browser window" draggable="false">
<p id="end" role="alert" hidden></p>
</main>
<textarea id="keys" aria-label="What you type here goes to the browser" autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false"></textarea>
<script>{{script}}</script>
</body>
</html>
`

const liveStyle = `
html,body{margin:0;height:100%;background:#24292f;color:#f6f8fa;font:15px/1.4 system-ui,sans-serif}
body{display:flex;flex-direction:column}
header{padding:8px 16px;background:#0b5cad}
h1{margin:0 0 2px;font-size:20px}
header p{margin:2px 0}
#where{font-size:13px;opacity:.85}
main{flex:1;min-height:0;display:flex;align-items:center;justify-content:center;padding:8px}
#screen{max-width:100%;max-height:100%;outline:1px solid #57606a;user-select:none;-webkit-user-drag:none}
#screen.wait{opacity:.4}
#screen.gone{display:none}
#end{font-size:20px;max-width:40em;text-align:center}
#keys{position:fixed;left:-1000px;top:0;width:10px;height:10px;opacity:0}
`

// liveScript shows the pictures and sends the person's input, one batch
// at a time so the tab gets it in order. It talks only to its own server.
const liveScript = `
(() => {
  'use strict';
  const base = location.pathname.replace(/\/+$/, '');
  const $ = (id) => document.getElementById(id);
  const img = $('screen'), keys = $('keys'), status = $('status'), left = $('left'), where = $('where'), endNote = $('end');
  let viewer = '', frame = 0, open = true, expires = 0, busy = false;
  const queue = [];

  const say = (s) => { status.textContent = s; };
  const finish = (text) => {
    open = false;
    queue.length = 0;
    img.classList.add('gone');
    endNote.textContent = text;
    endNote.hidden = false;
    say('');
    left.textContent = '';
  };

  async function flush() {
    if (busy || !queue.length || !open) return;
    busy = true;
    const batch = queue.splice(0, queue.length);
    try {
      const r = await fetch(base + '/input', {method: 'POST', cache: 'no-store', credentials: 'omit',
        headers: {'Content-Type': 'application/json', 'X-Live-Viewer': viewer}, body: JSON.stringify(batch)});
      if (r.status === 409) say('Someone else has this page open now; your input does not reach the browser.');
      else if (!r.ok && r.status !== 410) say('The browser did not take that (' + r.status + '); try again.');
    } catch (e) {
      say('The connection to zoomsetup is lost.');
    }
    busy = false;
    flush();
  }
  const send = (ev) => {
    if (!open || !viewer) return;
    const last = queue[queue.length - 1];
    if (ev.t === 'move' && last && last.t === 'move') queue[queue.length - 1] = ev;
    else queue.push(ev);
    flush();
  };

  const mods = (e) => (e.altKey ? 1 : 0) | (e.ctrlKey ? 2 : 0) | (e.metaKey ? 4 : 0) | (e.shiftKey ? 8 : 0);
  const at = (e) => {
    const r = img.getBoundingClientRect();
    return {x: (e.clientX - r.left) * img.naturalWidth / r.width, y: (e.clientY - r.top) * img.naturalHeight / r.height, f: frame, m: mods(e)};
  };
  const button = (e) => ['left', 'middle', 'right'][e.button] || 'left';

  img.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    keys.focus();
    send(Object.assign({t: 'down', b: button(e), c: e.detail || 1}, at(e)));
  });
  img.addEventListener('pointerup', (e) => send(Object.assign({t: 'up', b: button(e), c: e.detail || 1}, at(e))));
  img.addEventListener('pointermove', (e) => send(Object.assign({t: 'move', bs: e.buttons}, at(e))));
  img.addEventListener('wheel', (e) => {
    e.preventDefault();
    const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? img.naturalHeight : 1;
    send(Object.assign({t: 'wheel', dx: e.deltaX * k, dy: e.deltaY * k}, at(e)));
  }, {passive: false});
  img.addEventListener('contextmenu', (e) => e.preventDefault());
  document.addEventListener('click', () => { if (open) keys.focus(); });

  const special = new Set(['Enter', 'Tab', 'Backspace', 'Delete', 'Escape', 'ArrowLeft', 'ArrowRight',
    'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
  keys.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    if (special.has(e.key)) {
      e.preventDefault();
      send({t: 'key', k: e.key, m: mods(e)});
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      send({t: 'key', k: 'a', m: mods(e)});
    }
  });
  const typed = () => {
    if (keys.value) send({t: 'text', s: keys.value});
    keys.value = '';
  };
  keys.addEventListener('input', (e) => { if (!e.isComposing) typed(); });
  keys.addEventListener('compositionend', typed);
  keys.addEventListener('paste', (e) => {
    e.preventDefault();
    const s = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (s) send({t: 'text', s: s});
  });

  const tick = () => {
    if (!open || !expires) return;
    const s = Math.max(0, Math.round((expires - Date.now()) / 1000));
    left.textContent = '(time left: ' + Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0') + ')';
  };
  setInterval(tick, 1000);

  const events = new EventSource(base + '/events');
  events.addEventListener('hello', (e) => {
    const d = JSON.parse(e.data);
    viewer = d.viewer;
    expires = d.expires || 0;
    say('Connected: you are working in the browser zoomsetup drives.');
    tick();
    keys.focus();
  });
  events.addEventListener('where', (e) => { where.textContent = 'The browser is at ' + JSON.parse(e.data).where; });
  events.addEventListener('frame', (e) => {
    const d = JSON.parse(e.data);
    img.src = 'data:image/jpeg;base64,' + d.jpeg;
    frame = d.n;
    img.classList.remove('wait');
  });
  events.addEventListener('end', (e) => {
    events.close();
    finish(JSON.parse(e.data).text);
  });
  events.onerror = async () => {
    if (!open || events.readyState !== EventSource.CLOSED) return;
    let text = 'This link does not work any more.';
    try {
      const r = await fetch(base, {cache: 'no-store', credentials: 'omit'});
      if (!r.ok) text = await r.text();
    } catch (e) {}
    finish(text);
  };
})();
`
