package automation

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"image/jpeg"
	"math"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Handoff is a stretch of a run in which a person, not the tool, works in
// the tab: what the tool must not do itself (an SSO sign-in, a CAPTCHA, a
// push approval). The tool types nothing meanwhile and takes the tab back
// once Done holds.
type Handoff struct {
	Purpose string    // what the person is to do, as an instruction: "sign in to Zoom"
	Detail  string    // what helps them do it: "SSO, CAPTCHA and two-step codes are fine"
	Until   string    // when it is over, in their words: "when you are in"
	Done    Condition // holds once the person is through
}

// HandOver lends the tab to a person until h.Done holds or ctx ends (its
// deadline is the person's time): through the session's live view, a
// one-time link a person anywhere can open, or, without one, in the
// browser's own window. No recovery, overlay dismissal or typing of the
// tool's runs meanwhile. A person who does not finish in time gives an
// error that wraps ErrWaited.
func (s *Session) HandOver(ctx context.Context, h Handoff) error {
	wait := "until the step's deadline"
	if d, ok := ctx.Deadline(); ok {
		wait = fmt.Sprintf("for %s (until %s)", time.Until(d).Round(time.Second), d.Format("15:04:05"))
	}
	if s.Live == nil {
		s.Note("%s in the browser window (%s); waiting %s", h.Purpose, h.Detail, wait)
		_, err := chromedp.Run(ctx, awaitPerson(h.Done, nil))
		return err
	}
	return chromedp.Do(ctx, s.Live.handOver(h, func(link string) {
		where := "at " + link
		if s.Live.Window {
			where = "in the browser window or at " + link
		}
		s.Note("%s %s (%s; one viewer at a time)", h.Purpose, where, h.Detail)
		s.Note("waiting %s; the link stops working then, or as soon as the person is through", wait)
	}))
}

// awaitPerson waits until done holds, looking every pollEvery; seen, when
// set, is told what the tab shows after each look. Unlike WaitAny it runs
// no recovery: the tab is the person's.
func awaitPerson(done Condition, seen func(ctx context.Context, t *chromedp.Target)) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		tick := time.NewTicker(pollEvery)
		defer tick.Stop()
		for {
			ok, err := done.holds(ctx, t)
			if err != nil && ctx.Err() == nil && !transient(err) {
				return chromedp.Void{}, err
			}
			if ok {
				return chromedp.Void{}, nil
			}
			if seen != nil {
				seen(ctx, t)
			}
			select {
			case <-ctx.Done():
				return chromedp.Void{}, waitError(ctx, t, []Condition{done})
			case <-tick.C:
			}
		}
	}
}

// Live serves the live view of a run's hand-offs: a page at a one-time link
// that shows the tab as it is (Chrome's screencast) and relays a person's
// clicks, typing and scrolling to it, so the person can be anywhere, not at
// this machine's screen. One Live serves a run: it listens once, and each
// hand-off gets a link of its own that ends with it. cmd/ fills it from
// flags.
type Live struct {
	Addr   string // host:port to listen on; "" is loopback at a free port
	Window bool   // the browser shows a window too, where a person here may work instead

	mu    sync.Mutex
	ln    net.Listener
	srv   *http.Server
	base  string       // http://host:port of the links
	cur   *liveSession // the hand-off served now, or nil
	spent [][]byte     // tokens of hand-offs that are over: answered 410 Gone
}

// Listen starts listening, so that a bad or busy address shows before the
// run needs it (a hand-off listens by itself otherwise). It returns the
// address links start with.
func (l *Live) Listen() (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ln != nil {
		return l.base, nil
	}
	addr := l.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("live view address %q: %w", l.Addr, err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("live view: %w", err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		// Listening everywhere: name this machine, as another one would.
		if host, err = os.Hostname(); err != nil || host == "" {
			host = "localhost"
		}
	}
	l.ln, l.base = ln, "http://"+net.JoinHostPort(host, port)
	l.srv = &http.Server{Handler: l, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	go func() { _ = l.srv.Serve(ln) }()
	return l.base, nil
}

// Close stops serving: every link of the run stops answering.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.srv == nil {
		return nil
	}
	err := l.srv.Close()
	l.srv, l.ln = nil, nil
	return err
}

// tokenBytes is the size of the secret part of a link: 256 random bits.
const tokenBytes = 32

// newToken returns a link's secret part: random, URL-safe, never reused.
func newToken() string {
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // crypto/rand.Read does not fail
	return base64.RawURLEncoding.EncodeToString(b)
}

// handOver is the action of a live hand-off: it makes a link, streams the
// tab to whoever opens it, relays their input, and returns once h.Done
// holds (or ctx ends), when the link stops working for good. link is told
// the link once it works.
func (l *Live) handOver(h Handoff, link func(string)) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		base, err := l.Listen()
		if err != nil {
			return chromedp.Void{}, err
		}
		s := &liveSession{token: []byte(newToken()), h: h, ctx: ctx, t: t, wake: make(chan struct{})}
		if d, ok := ctx.Deadline(); ok {
			s.expires = d
		}
		l.mu.Lock()
		if l.cur != nil {
			l.mu.Unlock()
			return chromedp.Void{}, errors.New("live view: another hand-off is being served")
		}
		l.cur = s
		l.mu.Unlock()
		defer l.retire(s)

		fctx, stopFrames := context.WithCancel(ctx)
		framesDone := make(chan struct{})
		frames := cdp.Events(fctx, t, page.ScreencastFrame) // subscribed before the start, so no frame is missed
		go func() {
			defer close(framesDone)
			for ev, err := range frames {
				if err != nil {
					return
				}
				_, _ = cdp.Call(fctx, t, page.ScreencastFrameAck, page.ScreencastFrameAckParams{SessionID: ev.SessionID})
				s.publish(ev)
			}
		}()
		defer func() {
			// The screencast stops whatever ended the hand-off, even an
			// expired deadline: a context of its own, briefly.
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			_, _ = cdp.Call(sctx, t, page.StopScreencast, cdp.Empty{})
			cancel()
			stopFrames()
			<-framesDone
		}()
		quality := int64(80)
		if _, err := cdp.Call(ctx, t, page.StartScreencast, page.StartScreencastParams{
			Format: page.StartScreencastFormatJpeg, Quality: &quality, MaxWidth: 1920, MaxHeight: 1200, EveryNthFrame: 1,
		}); err != nil {
			return chromedp.Void{}, fmt.Errorf("live view: start the screencast: %w", err)
		}
		link(base + "/live/" + string(s.token))
		_, err = awaitPerson(h.Done, s.look)(ctx, t)
		if err != nil {
			s.end(liveExpired)
			return chromedp.Void{}, err
		}
		s.end(liveDone)
		return chromedp.Void{}, nil
	}
}

// retire ends s's link for good: from now on it answers 410 Gone.
func (l *Live) retire(s *liveSession) {
	s.end(liveExpired) // no-op when it ended already
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cur == s {
		l.cur = nil
	}
	l.spent = append(l.spent, s.token)
}

// session finds the hand-off a link's token opens, with the status to
// answer when there is none: 410 for a link that was good once, 403 for
// any other. Tokens are compared in constant time, so how long the answer
// takes says nothing about how much of a guess was right.
func (l *Live) session(tok string) (*liveSession, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := []byte(tok)
	if l.cur != nil && subtle.ConstantTimeCompare(b, l.cur.token) == 1 {
		return l.cur, http.StatusOK
	}
	gone := 0
	for _, s := range l.spent {
		gone |= subtle.ConstantTimeCompare(b, s)
	}
	if gone == 1 {
		return nil, http.StatusGone
	}
	return nil, http.StatusForbidden
}

// liveRefusals are the words of the answers that refuse a request.
var liveRefusals = map[int]string{
	http.StatusForbidden: "This link is not valid.",
	http.StatusGone:      "This link has been used: what it was for is over. Ask for a new link if more is needed.",
	http.StatusConflict:  "Someone else has this page open; only one person at a time can use it.",
}

// refuse answers code with its words, as plain text.
func refuse(w http.ResponseWriter, code int) {
	msg, ok := liveRefusals[code]
	if !ok {
		msg = http.StatusText(code)
	}
	http.Error(w, msg, code)
}

// ServeHTTP serves /live/<token> (the page), /live/<token>/events (the
// pictures and news, as Server-Sent Events) and /live/<token>/input (the
// person's input, POSTed as JSON).
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Cache-Control", "no-store")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	rest, ok := strings.CutPrefix(r.URL.Path, "/live/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	tok, part, _ := strings.Cut(rest, "/")
	s, code := l.session(tok)
	if s == nil {
		refuse(w, code)
		return
	}
	switch {
	case part == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		s.page(w)
	case part == "events" && r.Method == http.MethodGet:
		s.events(w, r)
	case part == "input" && r.Method == http.MethodPost:
		s.input(w, r)
	case part == "" || part == "events" || part == "input":
		refuse(w, http.StatusMethodNotAllowed)
	default:
		http.NotFound(w, r)
	}
}

// liveState is where a hand-off stands.
type liveState int

const (
	liveOpen    liveState = iota // the person has the tab
	liveDone                     // Done held: the tab is the tool's again
	liveExpired                  // the time ran out, or the run stopped
)

// keepFrames is how many recent frames are kept, so that a click is mapped
// with the metadata of the picture the person clicked on, even when newer
// ones arrived meanwhile.
const keepFrames = 32

// liveFrame is one picture of the screencast.
type liveFrame struct {
	N    int64 // numbered from 1 in the hand-off
	JPEG []byte
	Meta page.ScreencastFrameMetadata
	W, H int // the picture's size in pixels
}

// liveSession is one hand-off as the server sees it.
type liveSession struct {
	token   []byte
	h       Handoff
	expires time.Time       // zero: no deadline
	ctx     context.Context // the hand-off's: relayed input runs under it
	t       *chromedp.Target

	mu     sync.Mutex
	state  liveState
	viewer []byte        // key of the connected viewer; nil when none
	frames []*liveFrame  // oldest first, at most keepFrames
	n      int64         // frames so far
	where  string        // the tab's origin and title, as last seen
	wake   chan struct{} // closed and replaced on a new frame, place or state

	relay sync.Mutex // one batch of input at a time, in order
}

// changed wakes whoever waits for news; s.mu is held.
func (s *liveSession) changed() {
	close(s.wake)
	s.wake = make(chan struct{})
}

// publish keeps a frame from Chrome for the viewer.
func (s *liveSession) publish(ev page.EventScreencastFrame) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(ev.Data))
	if err != nil || ev.Metadata == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	s.frames = append(s.frames, &liveFrame{N: s.n, JPEG: ev.Data, Meta: *ev.Metadata, W: cfg.Width, H: cfg.Height})
	if len(s.frames) > keepFrames {
		s.frames = s.frames[len(s.frames)-keepFrames:]
	}
	s.changed()
}

// look notes where the tab is (its origin and title), so the person sees
// the site they type into: the picture has no address bar.
func (s *liveSession) look(ctx context.Context, t *chromedp.Target) {
	where, err := chromedp.Evaluate[string](`location.origin + ' \u2014 ' + document.title`)(ctx, t)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if where != s.where {
		s.where = where
		s.changed()
	}
}

// end closes the hand-off with state, once.
func (s *liveSession) end(state liveState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == liveOpen {
		s.state = state
		s.changed()
	}
}

// frame returns the frame numbered n, or the latest when it is gone; nil before the first.
func (s *liveSession) frame(n int64) *liveFrame {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.frames) - 1; i >= 0; i-- {
		if s.frames[i].N == n {
			return s.frames[i]
		}
	}
	if len(s.frames) == 0 {
		return nil
	}
	return s.frames[len(s.frames)-1]
}

// page serves the live page, unless someone has it open already.
func (s *liveSession) page(w http.ResponseWriter) {
	s.mu.Lock()
	state, busy := s.state, s.viewer != nil
	s.mu.Unlock()
	switch {
	case state != liveOpen:
		refuse(w, http.StatusGone)
		return
	case busy:
		refuse(w, http.StatusConflict)
		return
	}
	w.Header().Set("Content-Security-Policy", livePageCSP)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(livePageHTML(s.h))
}

// pingEvery keeps an idle event stream alive through proxies and tunnels.
const pingEvery = 15 * time.Second

// events streams to the one viewer: a greeting with its key, then every
// new picture and place, and at last how the hand-off ended. A second
// viewer is refused while the first is connected.
func (s *liveSession) events(w http.ResponseWriter, r *http.Request) {
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	s.mu.Lock()
	switch {
	case s.state != liveOpen:
		s.mu.Unlock()
		refuse(w, http.StatusGone)
		return
	case s.viewer != nil:
		s.mu.Unlock()
		refuse(w, http.StatusConflict)
		return
	}
	s.viewer = key
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if bytes.Equal(s.viewer, key) {
			s.viewer = nil
		}
		s.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	send := func(event string, v any) bool {
		b, err := json.Marshal(v)
		if err != nil {
			return false
		}
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	hello := map[string]any{"viewer": base64.RawURLEncoding.EncodeToString(key)}
	if !s.expires.IsZero() {
		hello["expires"] = s.expires.UnixMilli()
	}
	if !send("hello", hello) {
		return
	}
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	var sent int64
	where := ""
	for {
		s.mu.Lock()
		state, wake, place := s.state, s.wake, s.where
		var f *liveFrame
		if len(s.frames) > 0 {
			f = s.frames[len(s.frames)-1]
		}
		s.mu.Unlock()
		if state != liveOpen {
			end := map[string]any{"done": state == liveDone,
				"text": "Done. zoomsetup carries on by itself; you can close this page."}
			if state != liveDone {
				end["text"] = "This link has expired. Ask for a new one if it is still needed."
			}
			send("end", end)
			return
		}
		if place != where {
			if !send("where", map[string]string{"where": place}) {
				return
			}
			where = place
		}
		if f != nil && f.N != sent {
			if !send("frame", map[string]any{"n": f.N, "jpeg": f.JPEG}) {
				return
			}
			sent = f.N
		}
		select {
		case <-wake:
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

// Bounds on what one POST of input may carry.
const (
	maxInputBody   = 64 << 10
	maxInputEvents = 256
	maxInputText   = 2000 // runes in one text event (a paste)
)

// input relays a batch of the viewer's input to the tab, in order. Only the
// connected viewer's input is taken, and none once the hand-off is over.
func (s *liveSession) input(w http.ResponseWriter, r *http.Request) {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
		refuse(w, http.StatusForbidden) // another site's page, even one that guessed everything else
		return
	}
	key, err := base64.RawURLEncoding.DecodeString(r.Header.Get("X-Live-Viewer"))
	if err != nil {
		key = nil
	}
	var evs []liveInput
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxInputBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&evs); err != nil || len(evs) > maxInputEvents {
		http.Error(w, "input not understood", http.StatusBadRequest)
		return
	}
	s.relay.Lock()
	defer s.relay.Unlock()
	s.mu.Lock()
	state, viewer := s.state, s.viewer
	s.mu.Unlock()
	switch {
	case state != liveOpen:
		refuse(w, http.StatusGone)
		return
	case viewer == nil || subtle.ConstantTimeCompare(key, viewer) != 1:
		refuse(w, http.StatusConflict)
		return
	}
	var todo []relayed
	for _, ev := range evs {
		rs, err := translate(ev, s.frame(ev.F))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		todo = append(todo, rs...)
	}
	for _, rv := range todo {
		s.mu.Lock()
		open := s.state == liveOpen
		s.mu.Unlock()
		if !open {
			refuse(w, http.StatusGone)
			return
		}
		ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
		err := rv.send(ctx, s.t)
		cancel()
		if err != nil {
			http.Error(w, "the browser did not take the input", http.StatusBadGateway)
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// liveInput is one input event of the viewer, as the live page sends it.
type liveInput struct {
	T  string  `json:"t"`  // down, up, move, wheel, key or text
	X  float64 `json:"x"`  // on the picture, in its pixels
	Y  float64 `json:"y"`  //
	F  int64   `json:"f"`  // the frame the point is on
	B  string  `json:"b"`  // the mouse button: left, middle or right
	Bs int64   `json:"bs"` // the buttons held during a move (1 left, 2 right, 4 middle)
	C  int64   `json:"c"`  // click count
	M  int64   `json:"m"`  // modifiers: 1 Alt, 2 Ctrl, 4 Meta, 8 Shift
	DX float64 `json:"dx"` // wheel deltas in CSS pixels
	DY float64 `json:"dy"` //
	K  string  `json:"k"`  // a key's name (KeyboardEvent.key)
	S  string  `json:"s"`  // text typed, composed or pasted
}

// relayed is one DevTools input command for the tab: only these reach it.
type relayed struct {
	mouse *input.DispatchMouseEventParams
	key   *input.DispatchKeyEventParams
	text  string
}

// send dispatches the command to the tab.
func (r relayed) send(ctx context.Context, t *chromedp.Target) error {
	var err error
	switch {
	case r.mouse != nil && r.mouse.Type == input.DispatchMouseEventTypeMouseWheel:
		// Chrome wants both deltas of a wheel event, and cdproto leaves
		// out a delta that is zero: the command is sent as written here.
		m := r.mouse
		err = t.Call(ctx, input.CommandDispatchMouseEvent, struct {
			Type      input.DispatchMouseEventType `json:"type"`
			X         float64                      `json:"x"`
			Y         float64                      `json:"y"`
			Modifiers int64                        `json:"modifiers"`
			DeltaX    float64                      `json:"deltaX"`
			DeltaY    float64                      `json:"deltaY"`
		}{m.Type, m.X, m.Y, m.Modifiers, m.DeltaX, m.DeltaY}, nil)
	case r.mouse != nil:
		_, err = cdp.Call(ctx, t, input.DispatchMouseEvent, *r.mouse)
	case r.key != nil:
		_, err = cdp.Call(ctx, t, input.DispatchKeyEvent, *r.key)
	default:
		_, err = cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: r.text})
	}
	return err
}

// liveKeys are the keys relayed as key presses (text goes as text).
var liveKeys = map[string]string{
	"Enter": kb.Enter, "Tab": kb.Tab, "Backspace": kb.Backspace, "Delete": kb.Delete, "Escape": kb.Escape,
	"ArrowLeft": kb.ArrowLeft, "ArrowRight": kb.ArrowRight, "ArrowUp": kb.ArrowUp, "ArrowDown": kb.ArrowDown,
	"Home": kb.Home, "End": kb.End, "PageUp": kb.PageUp, "PageDown": kb.PageDown,
}

// liveButtons are the mouse buttons, with their bits in "buttons".
var liveButtons = map[string]struct {
	b   input.MouseButton
	bit int64
}{
	"left": {input.MouseButtonLeft, 1}, "right": {input.MouseButtonRight, 2}, "middle": {input.MouseButtonMiddle, 4},
}

// translate turns one input event of the viewer into the DevTools commands
// that replay it in the tab; f is the frame its point is on. Anything it
// does not know is refused, so nothing else reaches the tab.
func translate(ev liveInput, f *liveFrame) ([]relayed, error) {
	mods := ev.M & 15
	switch ev.T {
	case "down", "up", "move", "wheel":
		if f == nil {
			return nil, errors.New("no picture yet")
		}
		x, y, err := toPage(f, ev.X, ev.Y)
		if err != nil {
			return nil, err
		}
		p := &input.DispatchMouseEventParams{X: x, Y: y, Modifiers: mods}
		switch ev.T {
		case "down", "up":
			btn, ok := liveButtons[ev.B]
			if !ok {
				return nil, fmt.Errorf("mouse button %q is not relayed", ev.B)
			}
			p.Type, p.Button, p.Buttons = input.DispatchMouseEventTypeMousePressed, btn.b, btn.bit
			if ev.T == "up" {
				p.Type, p.Buttons = input.DispatchMouseEventTypeMouseReleased, 0
			}
			p.ClickCount = min(max(ev.C, 1), 3)
		case "move":
			p.Type, p.Buttons = input.DispatchMouseEventTypeMouseMoved, ev.Bs&7
		case "wheel":
			if !finite(ev.DX) || !finite(ev.DY) {
				return nil, errors.New("wheel deltas are not numbers")
			}
			p.Type = input.DispatchMouseEventTypeMouseWheel
			p.DeltaX, p.DeltaY = max(min(ev.DX, 10000), -10000), max(min(ev.DY, 10000), -10000)
		}
		return []relayed{{mouse: p}}, nil
	case "key":
		if ev.K == "a" && mods&(2|4) != 0 {
			// Ctrl/Cmd+A selects all; headless Chrome needs the editing command said.
			down := &input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "a", Code: "KeyA",
				WindowsVirtualKeyCode: 65, Modifiers: mods, Commands: []string{"selectAll"}}
			up := &input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "a", Code: "KeyA", WindowsVirtualKeyCode: 65, Modifiers: mods}
			return []relayed{{key: down}, {key: up}}, nil
		}
		k, ok := liveKeys[ev.K]
		if !ok {
			return nil, fmt.Errorf("key %q is not relayed", ev.K)
		}
		var out []relayed
		for _, p := range kb.Encode([]rune(k)[0]) {
			if p.Type == input.DispatchKeyEventTypeChar && mods&(1|2|4) != 0 {
				continue // a shortcut, not text
			}
			p.Modifiers |= mods
			out = append(out, relayed{key: p})
		}
		return out, nil
	case "text":
		if !utf8.ValidString(ev.S) || utf8.RuneCountInString(ev.S) > maxInputText {
			return nil, fmt.Errorf("text is not valid UTF-8 or longer than %d characters", maxInputText)
		}
		text := strings.Map(func(r rune) rune {
			if unicode.IsControl(r) && r != '\n' && r != '\t' {
				return -1
			}
			return r
		}, ev.S)
		if text == "" {
			return nil, nil
		}
		return []relayed{{text: text}}, nil
	}
	return nil, fmt.Errorf("input %q is not relayed", ev.T)
}

// toPage maps a point of a frame's picture (its pixels, as the person saw
// it) to the tab's viewport, in the CSS pixels Input.dispatchMouseEvent
// takes. The frame's metadata says which viewport size the picture stands
// for: a picture is smaller than the viewport when the screencast scaled it
// down, larger under a device scale factor. A point past the picture's edge
// is moved onto it.
func toPage(f *liveFrame, x, y float64) (float64, float64, error) {
	m := f.Meta
	if f.W <= 0 || f.H <= 0 || m.DeviceWidth <= 0 || m.DeviceHeight <= 0 {
		return 0, 0, errors.New("the picture has no size")
	}
	if !finite(x) || !finite(y) {
		return 0, 0, errors.New("the point is not a number")
	}
	x = max(0, min(x, float64(f.W)))
	y = max(0, min(y, float64(f.H)))
	return x * m.DeviceWidth / float64(f.W), y * m.DeviceHeight / float64(f.H), nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
