package automation

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestLiveTokensAreLongAndRandom(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		tok := newToken()
		b, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(b)*8 < 128 {
			t.Fatalf("token %q: %d bits, %v", tok, len(b)*8, err)
		}
		if seen[tok] {
			t.Fatalf("token %q came twice", tok)
		}
		seen[tok] = true
	}
}

// fakeHandoff is a Live serving one open hand-off with no tab behind it,
// for the checks that need no browser.
func fakeHandoff(t *testing.T) (*Live, *liveSession, string) {
	t.Helper()
	l := &Live{}
	s := &liveSession{token: []byte(newToken()), h: Handoff{Purpose: "sign in to Example", Detail: "SSO is fine", Until: "when you are in"},
		ctx: context.Background(), wake: make(chan struct{})}
	l.cur = s
	srv := httptest.NewServer(l)
	t.Cleanup(srv.Close)
	return l, s, srv.URL + "/live/" + string(s.token)
}

func liveStatus(t *testing.T, method, url string, header ...string) int {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader("[]"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// TestLiveLinkChecks asks the live view's server what a person, a guesser
// and a second viewer would: only the exact token opens the page, only
// one viewer at a time streams and sends input, and a link whose hand-off
// is over is gone.
func TestLiveLinkChecks(t *testing.T) {
	l, s, link := fakeHandoff(t)
	root := strings.TrimSuffix(link, "/live/"+string(s.token))
	tok := string(s.token)
	wrong := []string{
		root + "/live/" + tok[:len(tok)-1],
		root + "/live/" + tok + "x",
		root + "/live/" + strings.Repeat("A", len(tok)),
		root + "/live/",
		root + "/live/" + tok[:len(tok)-1] + "/events",
	}
	for _, u := range wrong {
		if got := liveStatus(t, "GET", u); got != http.StatusForbidden {
			t.Errorf("GET %s: %d, want 403", strings.TrimPrefix(u, root), got)
		}
	}
	if got := liveStatus(t, "GET", root+"/"); got != http.StatusNotFound {
		t.Errorf("GET /: %d, want 404", got)
	}

	res, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET the link: %d", res.StatusCode)
	}
	for h, want := range map[string]string{
		"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
		"Content-Security-Policy": "default-src 'none'; script-src 'sha256-",
	} {
		if got := res.Header.Get(h); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q in it", h, got, want)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"frame-ancestors 'none'", "connect-src 'self'", "img-src data:", "form-action 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the page's CSP %q lacks %q", csp, want)
		}
	}
	page := string(body)
	if !strings.Contains(page, "<h1>Sign in to Example</h1>") || !strings.Contains(page, "This page closes by itself when you are in.") {
		t.Errorf("the page does not say what is asked:\n%s", page)
	}
	if strings.Contains(page, tok) {
		t.Error("the page holds the token")
	}

	if got := liveStatus(t, "POST", link+"/input", "Content-Type", "application/json"); got != http.StatusConflict {
		t.Errorf("input with no viewer connected: %d, want 409", got)
	}

	// The first viewer connects; a second is refused while it stays.
	first, err := http.Get(link + "/events")
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(first.Body)
	line, _ := r.ReadString('\n')
	if first.StatusCode != http.StatusOK || line != "event: hello\n" {
		t.Fatalf("first viewer: %d %q", first.StatusCode, line)
	}
	for _, u := range []string{link, link + "/events"} {
		if got := liveStatus(t, "GET", u); got != http.StatusConflict {
			t.Errorf("second viewer, GET %s: %d, want 409", strings.TrimPrefix(u, link), got)
		}
	}
	if got := liveStatus(t, "POST", link+"/input", "X-Live-Viewer", base64.RawURLEncoding.EncodeToString(make([]byte, 16))); got != http.StatusConflict {
		t.Errorf("input with another viewer's key: %d, want 409", got)
	}
	if got := liveStatus(t, "POST", link+"/input", "Sec-Fetch-Site", "cross-site"); got != http.StatusForbidden {
		t.Errorf("input from another site's page: %d, want 403", got)
	}
	first.Body.Close()
	liveWaitUntil(t, "the first viewer is let go", func() bool { return liveStatus(t, "GET", link) == http.StatusOK })

	l.retire(s)
	for _, u := range []string{link, link + "/events"} {
		if got := liveStatus(t, "GET", u); got != http.StatusGone {
			t.Errorf("after the hand-off, GET %s: %d, want 410", strings.TrimPrefix(u, link), got)
		}
	}
	if got := liveStatus(t, "POST", link+"/input"); got != http.StatusGone {
		t.Errorf("after the hand-off, input: %d, want 410", got)
	}
}

// liveWaitUntil looks at cond until it holds, for at most 10 s.
func liveWaitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case <-deadline:
			t.Fatalf("waited in vain until %s", what)
		case <-tick.C:
		}
	}
}

func TestPictureToPage(t *testing.T) {
	meta := func(w, h float64) page.ScreencastFrameMetadata {
		return page.ScreencastFrameMetadata{DeviceWidth: w, DeviceHeight: h, PageScaleFactor: 1}
	}
	cases := []struct {
		name         string
		f            liveFrame
		x, y, wx, wy float64
	}{
		{"picture as large as the viewport", liveFrame{W: 1280, H: 800, Meta: meta(1280, 800)}, 640, 400, 640, 400},
		{"picture scaled down by the screencast", liveFrame{W: 640, H: 400, Meta: meta(1280, 800)}, 100, 50, 200, 100},
		{"device scale factor 2", liveFrame{W: 2560, H: 1600, Meta: meta(1280, 800)}, 1000, 500, 500, 250},
		{"past the right and bottom edges", liveFrame{W: 1280, H: 800, Meta: meta(1280, 800)}, 1500, 900, 1280, 800},
		{"before the left and top edges", liveFrame{W: 1280, H: 800, Meta: meta(1280, 800)}, -5, -1, 0, 0},
	}
	for _, c := range cases {
		x, y, err := toPage(&c.f, c.x, c.y)
		if err != nil || math.Abs(x-c.wx) > 1e-9 || math.Abs(y-c.wy) > 1e-9 {
			t.Errorf("%s: (%v,%v) -> (%v,%v) %v, want (%v,%v)", c.name, c.x, c.y, x, y, err, c.wx, c.wy)
		}
	}
	if _, _, err := toPage(&liveFrame{W: 10, H: 10, Meta: meta(1280, 800)}, math.NaN(), 1); err == nil {
		t.Error("NaN was mapped")
	}
	if _, _, err := toPage(&liveFrame{W: 10, H: 10}, 1, 1); err == nil {
		t.Error("a frame without metadata was used")
	}
}

func TestTranslateInput(t *testing.T) {
	f := &liveFrame{N: 3, W: 640, H: 400, Meta: page.ScreencastFrameMetadata{DeviceWidth: 1280, DeviceHeight: 800}}
	one := func(ev liveInput) relayed {
		t.Helper()
		rs, err := translate(ev, f)
		if err != nil || len(rs) != 1 {
			t.Fatalf("%+v: %d commands, %v", ev, len(rs), err)
		}
		return rs[0]
	}
	if m := one(liveInput{T: "down", X: 10, Y: 20, B: "left", C: 1}).mouse; m == nil || m.Type != input.DispatchMouseEventTypeMousePressed ||
		m.X != 20 || m.Y != 40 || m.Button != input.MouseButtonLeft || m.Buttons != 1 || m.ClickCount != 1 {
		t.Errorf("press: %+v", m)
	}
	if m := one(liveInput{T: "up", X: 10, Y: 20, B: "right", C: 9}).mouse; m.Type != input.DispatchMouseEventTypeMouseReleased ||
		m.Button != input.MouseButtonRight || m.Buttons != 0 || m.ClickCount != 3 {
		t.Errorf("release: %+v", m)
	}
	if m := one(liveInput{T: "wheel", X: 1, Y: 1, DY: 1e9, M: 8}).mouse; m.Type != input.DispatchMouseEventTypeMouseWheel || m.DeltaY != 10000 || m.Modifiers != 8 {
		t.Errorf("wheel: %+v", m)
	}
	if s := one(liveInput{T: "text", S: "Zoë 日本\x00\x1b語"}).text; s != "Zoë 日本語" {
		t.Errorf("text: %q", s)
	}
	enter, err := translate(liveInput{T: "key", K: "Enter"}, nil)
	if err != nil || len(enter) != 3 || enter[0].key.Key != "Enter" || enter[1].key.Text != "\r" {
		t.Errorf("Enter: %v %v", enter, err)
	}
	tab, err := translate(liveInput{T: "key", K: "Tab", M: 8}, nil)
	if err != nil || len(tab) == 0 || tab[0].key.Key != "Tab" || tab[0].key.Modifiers&8 == 0 {
		t.Errorf("Shift+Tab: %v %v", tab, err)
	}
	all, err := translate(liveInput{T: "key", K: "a", M: 2}, nil)
	if err != nil || len(all) != 2 || !slices.Equal(all[0].key.Commands, []string{"selectAll"}) {
		t.Errorf("Ctrl+A: %v %v", all, err)
	}
	for _, k := range []string{"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Backspace"} {
		rs, err := translate(liveInput{T: "key", K: k}, nil)
		if err != nil || len(rs) < 2 || rs[0].key.Key != k {
			t.Errorf("%s: %v %v", k, rs, err)
		}
	}
	for _, bad := range []liveInput{
		{T: "eval", S: "alert(1)"},
		{T: "key", K: "a"},
		{T: "key", K: "F12"},
		{T: "down", X: 1, Y: 1, B: "back"},
		{T: "move", X: math.Inf(1), Y: 1},
		{T: "text", S: "\xff"},
		{T: "text", S: strings.Repeat("x", maxInputText+1)},
	} {
		if _, err := translate(bad, f); err == nil {
			t.Errorf("%+v was relayed", bad)
		}
	}
	if _, err := translate(liveInput{T: "down", B: "left"}, nil); err == nil {
		t.Error("a click before the first picture was relayed")
	}
}

// liveRun is a hand-off of a fresh tab showing testdata/live.html.
type liveRun struct {
	tab   context.Context
	link  string
	notes []string
	done  chan error
}

// startLive hands a fresh tab over until done holds, and returns once its
// link is printed.
func startLive(t *testing.T, done Condition) *liveRun {
	t.Helper()
	tab := testdataTab(t, "live.html")
	live := &Live{}
	t.Cleanup(func() { live.Close() })
	notes := make(chan string, 10)
	s := &Session{Tab: tab, Live: live, Logf: func(f string, args ...any) { notes <- fmt.Sprintf(f, args...) }}
	ctx, stop := context.WithTimeout(tab, time.Minute)
	r := &liveRun{tab: tab, done: make(chan error, 1)}
	t.Cleanup(func() { stop(); <-r.done })
	go func() {
		r.done <- s.HandOver(ctx, Handoff{Purpose: "sign in to Example", Detail: "any account is fine", Until: "when you are in", Done: done})
	}()
	for len(r.notes) < 2 {
		select {
		case n := <-notes:
			r.notes = append(r.notes, n)
		case err := <-r.done:
			r.done <- err
			t.Fatalf("the hand-off ended before printing its link: %v", err)
		}
	}
	r.link = regexp.MustCompile(`http://\S+/live/[A-Za-z0-9_-]+`).FindString(r.notes[0])
	if r.link == "" {
		t.Fatalf("no link in %q", r.notes[0])
	}
	return r
}

// liveViewer opens the link in a browser context of its own, in a window
// smaller than the tab (so the picture is scaled), and waits for the
// first picture.
func liveViewer(t *testing.T, link string) context.Context {
	t.Helper()
	v, cancel := chromedp.NewContext(testBrowser.Tab, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(v, Prepare(1000, 700, 1)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel2 := context.WithTimeout(v, 30*time.Second)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx, chromedp.Navigate(link)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('screen').naturalWidth > 0`)); err != nil {
		t.Fatalf("no picture in the live view: %v", err)
	}
	return ctx
}

// livePointAt returns where, in the viewer's window, the picture shows the
// centre of the tab's element sel (the tab's viewport is 1280 CSS pixels wide).
func livePointAt(t *testing.T, tab, view context.Context, sel string) (float64, float64) {
	t.Helper()
	c, err := chromedp.Run(tab, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
	  const r = document.querySelector(%q).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`, sel)))
	if err != nil {
		t.Fatal(err)
	}
	p, err := chromedp.Run(view, chromedp.Evaluate[[]float64](`(() => {
	  const i = document.getElementById('screen'), r = i.getBoundingClientRect();
	  return [r.left, r.top, r.width / 1280, r.height / 800]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	return p[0] + c[0]*p[2], p[1] + c[1]*p[3]
}

// liveClick clicks the picture where it shows the tab's element sel.
func liveClick(t *testing.T, tab, view context.Context, sel string) {
	t.Helper()
	x, y := livePointAt(t, tab, view, sel)
	if err := chromedp.Do(view, chromedp.MouseClickXY(x, y)); err != nil {
		t.Fatal(err)
	}
}

// liveHolds waits until expr is true in ctx's page.
func liveHolds(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr)); err != nil {
		t.Fatalf("waited in vain for %s: %v", expr, err)
	}
}

// TestLiveViewHandOff has a second browser play the person: it opens the
// printed link, scrolls, clicks on the picture, types (with non-ASCII text
// and a paste) and presses keys, until the page shows what Done waits
// for; then the view says it is done and the link is gone.
func TestLiveViewHandOff(t *testing.T) {
	r := startLive(t, Text("Welcome"))
	if !strings.Contains(r.notes[0], "sign in to Example at http://127.0.0.1:") || !regexp.MustCompile(`^waiting for (59s|1m0s) \(until \d\d:\d\d:\d\d\)`).MatchString(r.notes[1]) {
		t.Errorf("notes: %q", r.notes)
	}
	view := liveViewer(t, r.link)
	tok := r.link[strings.LastIndex(r.link, "/")+1:]
	if got := liveStatus(t, "GET", strings.Replace(r.link, tok, "A"+tok[1:], 1)); got != http.StatusForbidden {
		t.Errorf("a wrong token: %d, want 403", got)
	}
	if got := liveStatus(t, "GET", r.link); got != http.StatusConflict {
		t.Errorf("a second viewer: %d, want 409", got)
	}
	liveHolds(t, view, `document.getElementById('where').textContent.includes('Example sign-in')`)

	x, y := livePointAt(t, r.tab, view, "h1")
	wheel := func(dy float64) {
		err := chromedp.Do(view, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			return tg.Call(ctx, input.CommandDispatchMouseEvent, map[string]any{"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": dy}, nil)
		}))
		if err != nil {
			t.Fatal(err)
		}
	}
	wheel(400)
	liveHolds(t, r.tab, `window.scrollY > 0`)
	wheel(-4000)
	liveHolds(t, r.tab, `window.scrollY === 0`)

	liveClick(t, r.tab, view, "#user")
	liveHolds(t, r.tab, `document.activeElement.id === 'user'`)
	if err := chromedp.Do(view, chromedp.KeyEvent("Zoe")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(view, input.InsertText, input.InsertTextParams{Text: "ë 日本"}); err != nil { // as an input method commits text
		t.Fatal(err)
	}
	if err := chromedp.Do(view, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	liveHolds(t, r.tab, `document.activeElement.id === 'pass'`)
	if _, err := chromedp.Run(view, chromedp.Evaluate[bool](`(() => {
	  const d = new DataTransfer(); d.setData('text/plain', 'pässwörd');
	  return document.getElementById('keys').dispatchEvent(new ClipboardEvent('paste', {clipboardData: d, bubbles: true, cancelable: true})); })()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(view, chromedp.KeyEvent(kb.Backspace)); err != nil {
		t.Fatal(err)
	}
	liveHolds(t, r.tab, `document.getElementById('user').value === 'Zoeë 日本' && document.getElementById('pass').value === 'pässwör'`)
	if err := chromedp.Do(view, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if err := <-r.done; err != nil {
		t.Fatalf("the hand-off: %v", err)
	}
	r.done <- nil
	liveHolds(t, view, `!document.getElementById('end').hidden && document.getElementById('end').textContent.startsWith('Done.')`)
	for _, u := range []string{r.link, r.link + "/events", r.link + "/input"} {
		method := "GET"
		if strings.HasSuffix(u, "/input") {
			method = "POST"
		}
		if got := liveStatus(t, method, u); got != http.StatusGone {
			t.Errorf("after the sign-in, %s %s: %d, want 410", method, u[strings.LastIndex(u, "/"):], got)
		}
	}
}

// TestLiveViewClickLatency measures, in the viewer, the time from a click
// on the picture to the next picture, over 20 clicks that move the focus
// between two fields (each shows a focus ring, so each makes a frame).
func TestLiveViewClickLatency(t *testing.T) {
	r := startLive(t, Text("never shown"))
	view := liveViewer(t, r.link)
	if _, err := chromedp.Run(view, chromedp.Evaluate[bool](`(() => {
	  window.lat = []; let t0 = 0;
	  document.addEventListener('pointerdown', () => { t0 = performance.now(); }, true);
	  new MutationObserver(() => { if (t0) { window.lat.push(performance.now() - t0); t0 = 0; } })
	    .observe(document.getElementById('screen'), {attributes: true, attributeFilter: ['src']});
	  return true; })()`)); err != nil {
		t.Fatal(err)
	}
	const clicks = 20
	for i := range clicks {
		liveClick(t, r.tab, view, []string{"#user", "#pass"}[i%2])
		liveHolds(t, view, fmt.Sprintf(`window.lat.length >= %d`, i+1))
	}
	lat, err := chromedp.Run(view, chromedp.Evaluate[[]float64](`window.lat`))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(lat)
	median := time.Duration((lat[clicks/2-1] + lat[clicks/2]) / 2 * float64(time.Millisecond))
	t.Logf("click to next frame, %d clicks: median %s, min %s, max %s", clicks, median.Round(time.Millisecond),
		time.Duration(lat[0]*float64(time.Millisecond)).Round(time.Millisecond), time.Duration(lat[clicks-1]*float64(time.Millisecond)).Round(time.Millisecond))
	if median > time.Second {
		t.Errorf("median latency %s, want under a second", median)
	}
}

// TestHandOverWithoutLiveViewWaits has no live view: the person works in
// the window, and a hand-off nobody finishes ends with ErrWaited.
func TestHandOverWithoutLiveViewWaits(t *testing.T) {
	ctx := newTab(t)
	var said []string
	s := &Session{Tab: ctx, Logf: func(f string, args ...any) { said = append(said, fmt.Sprintf(f, args...)) }}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	err := s.HandOver(short, Handoff{Purpose: "sign in to Example", Detail: "any account", Done: Text("never shown")})
	if !errors.Is(err, ErrWaited) {
		t.Fatalf("err = %v, want ErrWaited", err)
	}
	if len(said) != 1 || !strings.HasPrefix(said[0], "sign in to Example in the browser window (any account); waiting for") {
		t.Fatalf("said %q", said)
	}
}
