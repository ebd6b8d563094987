package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"

	a "zoomsetup/automation"
	"zoomsetup/simulator"
)

// people is the browser the person of the hand-off tests uses, started
// by the first test that needs it and closed by TestMain.
var people struct {
	once sync.Once
	b    *a.Browser
	err  error
}

// personBrowser returns the person's browser; a missing browser skips the
// test, except in CI.
func personBrowser(t *testing.T) *a.Browser {
	t.Helper()
	people.once.Do(func() {
		people.b, people.err = a.Launch(context.Background(), a.BrowserOptions{EnvPath: os.Getenv("ZOOMSETUP_BROWSER")})
	})
	if people.err != nil {
		if os.Getenv("CI") != "" || !errors.Is(people.err, a.ErrNoBrowser) {
			t.Fatalf("the hand-off tests need Chrome: %v", people.err)
		}
		t.Skip("no browser")
	}
	return people.b
}

// assistedRun is `zoomsetup migrate --assisted` run in this process
// against a simulator of an SSO account, its stderr read line by line.
type assistedRun struct {
	sim   *simulator.Sim
	lines chan string
	log   strings.Builder
	done  chan error
}

func startAssisted(t *testing.T, extra ...string) *assistedRun {
	t.Helper()
	sim, err := simulator.New(simulator.Options{SSO: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	u, acc := sim.URLs(), sim.Accounts()
	env := map[string]string{"ZOOM_EMAIL": acc.ZoomEmail, "MEETS_USER": acc.MeetsUser, "MEETS_PASSWORD": acc.MeetsPassword,
		"ZOOMSETUP_BROWSER": os.Getenv("ZOOMSETUP_BROWSER")}
	argv := append([]string{"zoomsetup", "migrate", "--out", t.TempDir(),
		"--zoom-url", u.Zoom, "--marketplace-url", u.Marketplace, "--api-url", u.API, "--meets-url", u.Meets,
		"--company", "Example University", "--contact-name", "Avery Admin", "--contact-email", acc.ZoomEmail,
		"--assisted", "--assist-timeout", "2m", "--propagation-timeout", "30s"}, extra...)
	pr, pw := io.Pipe()
	r := &assistedRun{sim: sim, lines: make(chan string, 1000), done: make(chan error, 1)}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(func() { cancel(); <-r.done })
	go func() {
		err := newApp(io.Discard, pw, func(k string) string { return env[k] }).RunContext(ctx, argv)
		pw.Close()
		r.done <- err
	}()
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			r.lines <- sc.Text()
		}
		close(r.lines)
	}()
	return r
}

// until reads stderr until a line matches re and returns the match.
func (r *assistedRun) until(t *testing.T, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	for l := range r.lines {
		r.log.WriteString(l + "\n")
		if m := rx.FindString(l); m != "" {
			return m
		}
	}
	t.Fatalf("the run ended before printing %s:\n%s", re, r.log.String())
	return ""
}

// finish reads the rest of stderr and returns the run's error.
func (r *assistedRun) finish() error {
	for l := range r.lines {
		r.log.WriteString(l + "\n")
	}
	err := <-r.done
	r.done <- err
	return err
}

// person plays the admin at the other end of the link: they see only the
// live page, and know where things are on a page the way a person does,
// by having seen it: a reference tab of the tab's size shows the same
// page, so the person clicks where it shows a field.
type person struct {
	t    *testing.T
	view context.Context // the live page
	ref  context.Context // the same pages at the tab's size, for where things are
	shot image.Image     // the reference picture of the page awaited last
}

func newPerson(t *testing.T) *person {
	t.Helper()
	b := personBrowser(t)
	ctx, cancel := context.WithTimeout(b.Tab, 2*time.Minute)
	t.Cleanup(cancel)
	p := &person{t: t}
	for _, c := range []*context.Context{&p.view, &p.ref} {
		tab, cancel := chromedp.NewContext(b.Tab, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		w, h := int64(1100), int64(760)
		if c == &p.ref {
			w, h = 1280, 800
		}
		if err := chromedp.Do(tab, a.Prepare(w, h, 1)); err != nil {
			t.Fatal(err)
		}
		*c, cancel = context.WithDeadline(tab, mustDeadline(ctx))
		t.Cleanup(cancel)
	}
	return p
}

func mustDeadline(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}

// open opens the link and waits for the first picture; it counts the
// pictures that arrive after, so a wait can ask for the next one.
func (p *person) open(link string) {
	p.t.Helper()
	p.do(chromedp.Navigate(link))
	p.holds(`document.getElementById('screen').naturalWidth > 0`)
	p.do(chromedp.Evaluate[bool](`(() => { window.seen = 0; new MutationObserver(() => window.seen++)
	  .observe(document.getElementById('screen'), {attributes: true, attributeFilter: ['src']}); return true; })()`))
}

func (p *person) do(act any) {
	p.t.Helper()
	var err error
	switch act := act.(type) {
	case chromedp.Action[chromedp.Void]:
		err = chromedp.Do(p.view, act)
	case chromedp.Action[bool]:
		_, err = chromedp.Run(p.view, act)
	}
	if err != nil {
		p.t.Fatal(err)
	}
}

// holds waits until expr is true on the live page.
func (p *person) holds(expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.view, chromedp.Poll[bool](expr)); err != nil {
		p.t.Fatalf("waited in vain for %s: %v", expr, err)
	}
}

// sees waits until the live picture shows the page at url, as the
// reference tab shows it.
func (p *person) sees(url string) {
	p.t.Helper()
	shot, err := chromedp.Run(p.ref, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		if _, err := chromedp.Navigate(url)(ctx, t); err != nil {
			return nil, err
		}
		if _, err := chromedp.Poll[bool](`document.readyState === 'complete' && document.querySelector('input') !== null`)(ctx, t); err != nil {
			return nil, err
		}
		return chromedp.CaptureScreenshot()(ctx, t)
	})
	if err != nil {
		p.t.Fatal(err)
	}
	if p.shot, err = png.Decode(bytes.NewReader(shot)); err != nil {
		p.t.Fatal(err)
	}
	for {
		n, err := chromedp.Run(p.view, chromedp.Evaluate[int](`window.seen`))
		if err != nil {
			p.t.Fatal(err)
		}
		if alike(p.picture(), p.shot) {
			return
		}
		p.holds(fmt.Sprintf(`window.seen > %d`, n))
	}
}

// picture is the picture the live page shows now.
func (p *person) picture() image.Image {
	p.t.Helper()
	src, err := chromedp.Run(p.view, chromedp.Evaluate[string](`document.getElementById('screen').src`))
	if err != nil {
		p.t.Fatal(err)
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, "data:image/jpeg;base64,"))
	if err != nil {
		p.t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		p.t.Fatal(err)
	}
	return img
}

// alike tells whether two pictures of 1280x800 show the same page: their
// grey levels differ by little on average (JPEG's loss, a focus ring).
func alike(x, y image.Image) bool {
	if x.Bounds().Size() != y.Bounds().Size() {
		return false
	}
	grey := func(im image.Image, px, py int) float64 {
		r, g, b, _ := im.At(im.Bounds().Min.X+px, im.Bounds().Min.Y+py).RGBA()
		return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 257
	}
	var sum, n float64
	size := x.Bounds().Size()
	for py := 0; py < size.Y; py += 8 {
		for px := 0; px < size.X; px += 8 {
			d := grey(x, px, py) - grey(y, px, py)
			sum += max(d, -d)
			n++
		}
	}
	return sum/n < 4
}

// click clicks the picture where the page shows the control named name (a
// field's label, aria-label or placeholder, a button's words).
func (p *person) click(name string) {
	p.t.Helper()
	c, err := chromedp.Run(p.ref, chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => {
	  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim(), want = %q;
	  const e = [...document.querySelectorAll('input,button')].find((e) => norm(e.getAttribute('aria-label')) === want ||
	    norm(e.placeholder) === want || [...(e.labels || [])].some((l) => norm(l.textContent) === want) ||
	    (e.tagName === 'BUTTON' && norm(e.textContent) === want));
	  const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`, name)))
	if err != nil {
		p.t.Fatalf("where is %q: %v", name, err)
	}
	box, err := chromedp.Run(p.view, chromedp.Evaluate[[]float64](`(() => {
	  const i = document.getElementById('screen'), r = i.getBoundingClientRect();
	  return [r.left, r.top, r.width / 1280, r.height / 800]; })()`))
	if err != nil {
		p.t.Fatal(err)
	}
	p.do(chromedp.MouseClickXY(box[0]+c[0]*box[2], box[1]+c[1]*box[3]))
}

// signIn is what the admin does at the other end of the link: the Zoom
// email, then the identity provider's username and password.
func (p *person) signIn(r *assistedRun, link string) {
	p.t.Helper()
	u, acc := r.sim.URLs(), r.sim.Accounts()
	p.open(link)
	tok := link[strings.LastIndex(link, "/")+1:]
	if got := get(p.t, strings.Replace(link, tok, strings.Repeat("x", len(tok)), 1)); got != http.StatusForbidden {
		p.t.Errorf("a wrong token: %d, want 403", got)
	}
	if got := get(p.t, link); got != http.StatusConflict {
		p.t.Errorf("a second viewer while the first is connected: %d, want 409", got)
	}
	p.sees(u.Zoom + "/profile")
	p.click("Email or phone number")
	p.do(chromedp.KeyEvent(acc.ZoomEmail))
	p.click("Next")
	p.sees(u.IdP + "/idp/login")
	p.click("Username")
	p.do(chromedp.KeyEvent(acc.ZoomEmail))
	n, _ := chromedp.Run(p.view, chromedp.Evaluate[int](`window.seen`))
	p.click("Password")
	if path := os.Getenv("ZOOMSETUP_LIVE_VIEW_PNG"); path != "" {
		// The live page as the person sees it once the click on Password
		// shows (the focus moves, so a picture comes).
		p.holds(fmt.Sprintf(`window.seen > %d`, n))
		shot, err := chromedp.Run(p.view, chromedp.CaptureScreenshot())
		if err != nil || os.WriteFile(path, shot, 0o644) != nil {
			p.t.Errorf("screenshot of the live view: %v", err)
		}
	}
	p.do(chromedp.KeyEvent(acc.ZoomPassword))
	p.click("Sign in")
	p.holds(`!document.getElementById('end').hidden && document.getElementById('end').textContent.startsWith('Done.')`)
	if got := get(p.t, link); got != http.StatusGone {
		p.t.Errorf("the link after the sign-in: %d, want 410", got)
	}
}

func get(t *testing.T, url string) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// assertMigrated checks the simulator: one Server-to-Server app, complete
// and activated, its credentials in MEETS, one sign-in at the identity
// provider and none typed by the tool.
func assertMigrated(t *testing.T, sim *simulator.Sim) {
	t.Helper()
	st := sim.State()
	if len(st.Apps) != 1 {
		t.Fatalf("%d apps, want 1", len(st.Apps))
	}
	app := st.Apps[0]
	switch {
	case app.Name != "MEETS" || app.Type != simulator.AppTypeS2S || !app.Activated || len(app.Scopes) == 0:
		t.Fatalf("app %q of type %q, activated %v, %d scopes", app.Name, app.Type, app.Activated, len(app.Scopes))
	case st.Meets.APIKey != app.AccountID+":"+app.ClientID || st.Meets.APISecret != app.ClientSecret:
		t.Fatal("MEETS does not hold the app's credentials")
	case st.IdPSignIns != 1 || st.SignInAttempts != 0:
		t.Fatalf("%d sign-ins at the identity provider (want 1), %d passwords typed at Zoom (want 0)", st.IdPSignIns, st.SignInAttempts)
	}
}

// checkProgress checks the hand-off's lines on stderr.
func checkProgress(t *testing.T, log string) {
	t.Helper()
	for _, want := range []string{`· sign in to Zoom at http://127\.0\.0\.1:\d+/live/[A-Za-z0-9_-]{43} \(.*one viewer at a time\)\n`,
		`· waiting for (1m5\ds|2m0s) \(until \d\d:\d\d:\d\d\); the link stops working then`, `· signed in; carrying on\n`} {
		if !regexp.MustCompile(want).MatchString(log) {
			t.Errorf("stderr lacks %s:\n%s", want, log)
		}
	}
}

// TestAssistedSignInThroughLiveView runs `migrate --assisted` headless: a
// person elsewhere opens the printed link in their browser and signs in
// through the picture at the identity provider; the migration converges.
func TestAssistedSignInThroughLiveView(t *testing.T) {
	t.Parallel()
	p := newPerson(t)
	r := startAssisted(t)
	link := r.until(t, `http://\S+/live/[A-Za-z0-9_-]+`)
	p.signIn(r, link)
	if err := r.finish(); err != nil {
		t.Fatalf("%v\n%s", err, r.log.String())
	}
	t.Logf("stderr of the run:\n%s", r.log.String())
	assertMigrated(t, r.sim)
	checkProgress(t, r.log.String())
}

// remoteChrome starts a Chromium with a DevTools port, as a container or
// another machine would run it, and returns its http:// and ws:// addresses.
func remoteChrome(t *testing.T) (*exec.Cmd, string, string) {
	t.Helper()
	path, err := a.FindBrowser(context.Background(), "", os.Getenv("ZOOMSETUP_BROWSER"))
	if err != nil {
		if os.Getenv("CI") != "" || !errors.Is(err, a.ErrNoBrowser) {
			t.Fatal(err)
		}
		t.Skip("no browser")
	}
	// Chromium's helpers may still write to its profile as they die, so the
	// profile is removed once they are gone, not by the test's own TempDir.
	profile, err := os.MkdirTemp("", "remote-chrome-")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--headless", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
		"--no-default-browser-check", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--font-render-hinting=none",
		"--force-color-profile=srgb", "--disable-background-networking", "--disable-extensions", "about:blank"}
	if os.Geteuid() == 0 {
		args = append(args, "--no-sandbox")
	}
	cmd := exec.Command(path, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
		_ = os.RemoveAll(profile)
	})
	sc := bufio.NewScanner(stderr)
	ws := ""
	for ws == "" && sc.Scan() {
		ws = regexp.MustCompile(`ws://\S+`).FindString(strings.TrimPrefix(sc.Text(), "DevTools listening on "))
	}
	if ws == "" {
		t.Fatal("Chromium did not say where DevTools listens")
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	host := strings.Split(strings.TrimPrefix(ws, "ws://"), "/")[0]
	return cmd, "http://" + host, ws
}

// browserContexts lists the browser contexts of the Chromium at ws.
func browserContexts(t *testing.T, ws string) []cdp.BrowserContextID {
	t.Helper()
	actx, cancel := remote.NewAllocator(context.Background(), ws, remote.NoModifyURL)
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(actx)
	defer cancel2()
	res, err := chromedp.CallBrowser(ctx, target.GetBrowserContexts, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	return res.BrowserContextIDs
}

// TestAssistedSignInInARunningBrowser runs the same hand-off and migration
// in a Chromium the test started, reached with --browser-url: the run gets
// a browser context of its own, the live view works through it, and
// afterwards that Chromium still runs and holds none of the run's contexts.
func TestAssistedSignInInARunningBrowser(t *testing.T) {
	t.Parallel()
	p := newPerson(t)
	chrome, httpURL, ws := remoteChrome(t)
	before := browserContexts(t, ws)
	r := startAssisted(t, "--browser-url", httpURL)
	link := r.until(t, `http://\S+/live/[A-Za-z0-9_-]+`)
	if during := browserContexts(t, ws); len(during) != len(before)+1 {
		t.Errorf("%d browser contexts during the run, want %d (the run's own)", len(during), len(before)+1)
	}
	p.signIn(r, link)
	if err := r.finish(); err != nil {
		t.Fatalf("%v\n%s", err, r.log.String())
	}
	assertMigrated(t, r.sim)
	checkProgress(t, r.log.String())
	if !strings.Contains(r.log.String(), "using the browser at "+httpURL) {
		t.Errorf("stderr does not name the browser used:\n%s", r.log.String())
	}
	if err := chrome.Process.Signal(syscall.Signal(0)); err != nil {
		t.Fatalf("the running Chromium is gone after the run: %v", err)
	}
	if after := browserContexts(t, ws); !slices.Equal(after, before) {
		t.Fatalf("browser contexts after the run %v, before %v: the run left its own behind", after, before)
	}
}

// TestBrowserFlagsThatClash are refused as bad usage before anything runs.
func TestBrowserFlagsThatClash(t *testing.T) {
	env := map[string]string{"ZOOM_EMAIL": "a@example.edu", "ZOOM_PASSWORD": "pw", "MEETS_URL": "http://127.0.0.1:1", "MEETS_USER": "u", "MEETS_PASSWORD": "pw"}
	cases := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--browser-url", "http://127.0.0.1:9222", "--profile", "p"}, nil, "--profile and --browser-url"},
		{[]string{"--profile", "p"}, map[string]string{"ZOOMSETUP_BROWSER_URL": "ws://127.0.0.1:9222/devtools/browser/x"}, "--profile and --browser-url"},
		{[]string{"--browser-url", "127.0.0.1:9222"}, nil, "not a ws://"},
		{[]string{"--browser-url", "http://127.0.0.1:9222", "--headful"}, nil, "uses a running one"},
		{[]string{"--assisted", "--live-addr", "nowhere"}, nil, "--live-addr"},
	}
	for _, c := range cases {
		out := t.TempDir()
		getenv := func(k string) string {
			if v, ok := c.env[k]; ok {
				return v
			}
			return env[k]
		}
		var errw bytes.Buffer
		err := newApp(io.Discard, &errw, getenv).RunContext(context.Background(), append([]string{"zoomsetup", "migrate", "--out", out}, c.args...))
		if exitCode(err) != exitUsage || !strings.Contains(fmt.Sprint(err), c.want) {
			t.Errorf("%v: err = %v (exit %d), want a usage error saying %q", c.args, err, exitCode(err), c.want)
		}
		if left, _ := filepath.Glob(filepath.Join(out, "*")); len(left) != 0 {
			t.Errorf("%v left %v behind", c.args, left)
		}
	}
}
