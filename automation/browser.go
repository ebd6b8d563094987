package automation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/remote"
)

// BrowserOptions say which Chrome to start and how; cmd/ fills them from flags.
type BrowserOptions struct {
	Path       string // explicit binary (--browser); empty means search
	EnvPath    string // ZOOMSETUP_BROWSER, passed in by cmd/
	Headful    bool   // show a window instead of running headless
	ProfileDir string // keep the profile here; empty means a throw-away profile
	RemoteURL  string // a running Chrome's DevTools address (ws://… or http://host:port) to use instead of starting one
	Width      int64  // viewport width in CSS pixels (default 1280)
	Height     int64  // viewport height in CSS pixels (default 800)
	Scale      float64
}

// browserNames are the binaries tried, in order, when no path is given.
var browserNames = []string{
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell",
}

// browserPaths are well-known install locations tried after $PATH.
var browserPaths = []string{
	"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
	"/snap/bin/chromium", "/opt/google/chrome/chrome",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
}

// ErrNoBrowser is returned when no Chrome or Chromium can be found; its text says how to get one.
var ErrNoBrowser = errors.New("no Chrome or Chromium found: install one (Debian/Ubuntu: apt-get install -y chromium) or pass --browser PATH or set ZOOMSETUP_BROWSER")

// FindBrowser returns the Chrome binary to use: the explicit path, then the
// environment's, then the usual names on $PATH, then the usual install places.
// It checks that the binary really starts, not only that a file exists.
func FindBrowser(ctx context.Context, explicit, env string) (string, error) {
	for _, p := range []string{explicit, env} {
		if p == "" {
			continue
		}
		if err := probeBrowser(ctx, p); err != nil {
			return "", fmt.Errorf("browser %q does not start: %w", p, err)
		}
		return p, nil
	}
	var candidates []string
	for _, n := range browserNames {
		if p, err := exec.LookPath(n); err == nil {
			candidates = append(candidates, p)
		}
	}
	candidates = append(candidates, browserPaths...)
	for _, p := range candidates {
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			continue
		}
		if probeBrowser(ctx, p) == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// probeBrowser runs "p --version" so a broken or foreign binary is refused early.
func probeBrowser(ctx context.Context, p string) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, p, "--version").Output()
	if err != nil {
		return err
	}
	v := strings.ToLower(string(out))
	if !strings.Contains(v, "chrom") {
		return fmt.Errorf("%q says %q, which is not Chrome or Chromium", filepath.Base(p), strings.TrimSpace(string(out)))
	}
	return nil
}

// Browser is a Chrome with one tab of the run's; Close it to close what the run opened.
type Browser struct {
	Tab    context.Context // the tab's chromedp context; it has already run once
	Path   string          // the binary started, or the address of the running Chrome used
	Remote string          // the running Chrome's address without path or query; "" when Chrome was started here
	Start  time.Duration   // how long Chrome took to start (or to be reached) and open the tab
	cancel []context.CancelFunc
}

// viewport is the tab's size and scale, with the defaults filled in.
func (o BrowserOptions) viewport() (int64, int64, float64) {
	w, h, scale := o.Width, o.Height, o.Scale
	if w == 0 {
		w = 1280
	}
	if h == 0 {
		h = 800
	}
	if scale == 0 {
		scale = 1
	}
	return w, h, scale
}

// Launch starts Chrome for a run, or reaches the running one that
// opts.RemoteURL names. The first Run happens here, on a context without a
// deadline, so later per-step deadlines never kill the browser.
func Launch(parent context.Context, opts BrowserOptions) (*Browser, error) {
	if opts.RemoteURL != "" {
		return connect(parent, opts)
	}
	path, err := FindBrowser(parent, opts.Path, opts.EnvPath)
	if err != nil {
		return nil, err
	}
	w, h, scale := opts.viewport()
	alloc := []chromedp.ExecAllocatorOption{
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.ExecPath(path),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,PasswordLeakDetection"),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-popup-blocking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.Flag("enable-blink-features", ComputedAccessibility),
		chromedp.WindowSize(int(w), int(h)),
	}
	if !opts.Headful {
		alloc = append(alloc, chromedp.Headless, chromedp.Flag("disable-gpu", true))
	}
	if os.Geteuid() == 0 {
		alloc = append(alloc, chromedp.NoSandbox)
	}
	if opts.ProfileDir != "" {
		if err := os.MkdirAll(opts.ProfileDir, 0o700); err != nil {
			return nil, fmt.Errorf("profile folder %q: %w", opts.ProfileDir, err)
		}
		alloc = append(alloc, chromedp.UserDataDir(opts.ProfileDir))
	}
	b := &Browser{Path: path}
	actx, acancel := chromedp.NewExecAllocator(parent, alloc...)
	tab, tcancel := chromedp.NewContext(actx)
	b.cancel = []context.CancelFunc{tcancel, acancel}
	b.Tab = tab
	start := time.Now()
	if err := chromedp.Do(tab, Prepare(w, h, scale)); err != nil {
		b.Close()
		return nil, fmt.Errorf("start %q: %w", path, err)
	}
	b.Start = time.Since(start)
	return b, nil
}

// connect opens the run's tab in a running Chrome, in a browser context of
// its own (no cookie shared with other runs or with whatever else uses that
// Chrome). Closing the Browser closes that tab and context, never the
// remote Chrome. The first Run has no deadline, as in Launch.
func connect(parent context.Context, opts BrowserOptions) (*Browser, error) {
	shown := shownURL(opts.RemoteURL)
	if opts.ProfileDir != "" {
		return nil, fmt.Errorf("the browser at %s keeps its own profile: a profile folder cannot be used with it", shown)
	}
	ws, err := DevToolsURL(parent, opts.RemoteURL)
	if err != nil {
		return nil, err
	}
	w, h, scale := opts.viewport()
	b := &Browser{Path: shown, Remote: shown}
	actx, acancel := remote.NewAllocator(parent, ws, remote.NoModifyURL)
	tab, tcancel := chromedp.NewContext(actx, chromedp.WithNewBrowserContext())
	b.cancel = []context.CancelFunc{tcancel, acancel}
	b.Tab = tab
	start := time.Now()
	if err := chromedp.Do(tab, Prepare(w, h, scale)); err != nil {
		b.Close()
		return nil, fmt.Errorf("open a tab in the browser at %s: %w", shown, unsaid{err})
	}
	b.Start = time.Since(start)
	return b, nil
}

// unsaid is an error whose text shows every address as shownURL does (a
// hosted browser's token may sit in a path or a query), still unwrapping to
// its cause.
type unsaid struct{ err error }

// addresses finds the addresses in an error's text.
var addresses = regexp.MustCompile(`[a-z]+://[^\s"']+`)

func (u unsaid) Error() string { return addresses.ReplaceAllStringFunc(u.err.Error(), shownURL) }
func (u unsaid) Unwrap() error { return u.err }

// DevToolsURL resolves a running Chrome's DevTools address to the WebSocket
// address to dial. A ws:// or wss:// address is used as given (Browserless
// and Selenium Grid have paths of their own); for http(s)://host:port, the
// browser's /json/version names it. Chrome answers only requests that name
// it by IP address or "localhost", so a host name is resolved first for
// plain http and for Chrome's own /devtools/ addresses.
func DevToolsURL(ctx context.Context, raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("browser address %q is not a ws:// or http:// address", shownURL(raw))
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	switch u.Scheme {
	case "ws", "wss":
		if u.Scheme == "ws" && strings.HasPrefix(u.Path, "/devtools/") {
			if err := hostToIP(ctx, u); err != nil {
				return "", err
			}
		}
		return u.String(), nil
	case "http":
		if err := hostToIP(ctx, u); err != nil {
			return "", err
		}
	case "https":
	default:
		return "", fmt.Errorf("browser address %q is not a ws:// or http:// address", shownURL(raw))
	}
	u.Path = strings.TrimRight(u.Path, "/") + "/json/version"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	res, err := http.DefaultClient.Do(req)
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		err = ue.Err // its text repeats the address, which may hold a token
	}
	if err != nil {
		return "", fmt.Errorf("browser at %s: %w", shownURL(raw), err)
	}
	defer res.Body.Close()
	var v struct {
		WS string `json:"webSocketDebuggerUrl"`
	}
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("browser at %s: /json/version answered %s", shownURL(raw), res.Status)
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&v); err != nil || v.WS == "" {
		return "", fmt.Errorf("browser at %s: /json/version names no webSocketDebuggerUrl", shownURL(raw))
	}
	return v.WS, nil
}

// hostToIP puts the IP address of u's host in its place, unless it is one
// or "localhost".
func hostToIP(ctx context.Context, u *url.URL) error {
	host := u.Hostname()
	if host == "localhost" || net.ParseIP(host) != nil {
		return nil
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return fmt.Errorf("browser host %q: %w", host, err)
	}
	if len(addrs) == 0 {
		return fmt.Errorf("browser host %q has no address", host)
	}
	if port := u.Port(); port != "" {
		u.Host = net.JoinHostPort(addrs[0].IP.String(), port)
	} else {
		u.Host = addrs[0].IP.String()
	}
	return nil
}

// shownURL is a browser address fit for output: scheme and host only, as a
// hosted browser's token may sit in its path, query or user part.
func shownURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(unreadable address)"
	}
	return u.Scheme + "://" + u.Host
}

// Gone reports whether Chrome went away (crashed or was killed) while the run still wanted it.
func (b *Browser) Gone() bool { return b.Tab.Err() != nil }

// Process is Chrome's process, for tests that must kill it.
func (b *Browser) Process() *os.Process {
	c := chromedp.FromContext(b.Tab)
	if c == nil || c.Browser == nil {
		return nil
	}
	return c.Browser.Process()
}

// Close ends the tab and Chrome, waiting for the process to exit.
func (b *Browser) Close() {
	if b == nil {
		return
	}
	_ = chromedp.Cancel(b.Tab)
	for _, c := range b.cancel {
		c()
	}
}

// stillCSS stops animation, transitions and the caret so the same page always gives the same picture.
const stillCSS = `*,*::before,*::after{animation:none!important;transition:none!important;caret-color:transparent!important;scroll-behavior:auto!important}`

// stillScript adds stillCSS to every document as soon as it has a head.
const stillScript = `(() => {
  const add = () => { const s = document.createElement('style'); s.textContent = ` + "`" + stillCSS + "`" + `; (document.head || document.documentElement).appendChild(s); };
  if (document.documentElement) add(); else document.addEventListener('DOMContentLoaded', add);
})();`

// Prepare fixes the viewport and turns motion off, for deterministic
// screenshots, and has every document note its clickable elements for the
// locator engine.
func Prepare(width, height int64, scale float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: width, Height: height, DeviceScaleFactor: scale,
		}); err != nil {
			return err
		}
		for _, src := range []string{stillScript, pageHookJS} {
			if _, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
				return err
			}
		}
		return nil
	})
}

// ProfileProcesses lists the live processes started with dir as their user
// data folder: the Chrome of one run, however its processes were
// reparented. It is how checks prove that a run left no browser behind. It
// needs /proc; elsewhere it finds nothing.
func ProfileProcesses(dir string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil || !strings.Contains(string(cmd), "--user-data-dir="+dir) {
			continue
		}
		if stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat")); err == nil && strings.Contains(string(stat), ") Z ") {
			continue // a zombie has exited already
		}
		pids = append(pids, pid)
	}
	return pids
}
