// Package flows joins the parts of the migration into one plan: the Zoom
// steps, the MEETS steps and the verification, with what they leave on disk.
package flows

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	a "zoomsetup/automation"
	"zoomsetup/flows/meets"
	"zoomsetup/flows/zoom"
	"zoomsetup/secret"
	"zoomsetup/zoomapi"
)

// Plan is one migration's settings; cmd/ fills it from flags.
type Plan struct {
	Zoom     zoom.Options
	Meets    meets.Options
	API      zoomapi.Client
	Check    string        // API path proving the token works
	Patience time.Duration // how long verification waits for Zoom to catch up
	Dir      string        // the run's folder, for credentials.json and meets-backup.json
}

// Result is what a run found and did. It holds no secret; it is the
// manifest's result and the command's output.
type Result struct {
	App       string            `json:"app"`
	AccountID string            `json:"account_id,omitempty"`
	ClientID  string            `json:"client_id,omitempty"`
	Catalogue zoomapi.Catalogue `json:"catalogue,omitempty"`
	Scopes    []string          `json:"scopes,omitempty"`
	Activated bool              `json:"activated"`
	Meets     *meets.Result     `json:"meets,omitempty"`
	CredsFile string            `json:"credentials_file,omitempty"`
	Backup    string            `json:"meets_backup_file,omitempty"`
	Verified  *zoomapi.Report   `json:"verification,omitempty"`
	Changed   bool              `json:"changed"`

	zoom        zoom.Result
	credentials zoomapi.Credentials
}

// Credentials returns what was read from Zoom or loaded from a file.
func (r *Result) Credentials() zoomapi.Credentials { return r.credentials }

// sync copies what the Zoom half learned into the result.
func (r *Result) sync() {
	z := &r.zoom
	r.App, r.Catalogue, r.Scopes, r.Activated = z.AppName, z.Catalogue, z.Scopes, z.Activated
	r.credentials = z.Credentials
	r.AccountID, r.ClientID = z.Credentials.AccountID, z.Credentials.ClientID
}

// NewResult starts an empty result whose Zoom half saves itself to dir.
func NewResult(dir string) *Result {
	r := &Result{}
	r.zoom.Saved = func(z *zoom.Result) error {
		r.sync()
		p := filepath.Join(dir, "credentials.json")
		if err := SaveCredentials(p, z); err != nil {
			return err
		}
		r.CredsFile = p
		return nil
	}
	return r
}

// UseCredentials starts from a saved credentials file (at path) instead of the Zoom half.
func (r *Result) UseCredentials(f CredentialsFile, c zoomapi.Credentials, path string) {
	r.CredsFile = path
	r.zoom.AppName, r.zoom.Credentials, r.zoom.Catalogue, r.zoom.Scopes, r.zoom.Activated = f.AppName, c, f.Catalogue, f.Scopes, f.Activated
	r.sync()
}

// Env is what the actions of a run need around them: overlays to dismiss
// (the cookie banner), the ways back from passing faults (an error page's
// Retry, a Zoom session that ended), and the redactor that learns every
// secret typed.
func (p Plan) Env(logf func(string, ...any), secrets *secret.Redactor) *a.Env {
	env := &a.Env{Logf: logf, Secrets: secrets, Dismiss: zoom.Dismissers(), Recover: []a.Recovery{a.PressRetry(retryControl), a.NetworkErrorPage()}}
	if p.Zoom.ZoomURL != "" {
		env.Recover = append(env.Recover, zoom.Resume(p.Zoom, logf))
	}
	return env
}

// Hidden is where the sites show secrets, for the pictures of every step:
// a secret the run has not read yet is hidden by where it shows.
func (p Plan) Hidden() []a.Locator { return append(zoom.Hidden(), meets.Hidden()...) }

// retryControl is the control an error page offers to try again, on either site.
var retryControl = a.Clickable("Retry", "Try again", "Try Again")

// ZoomSteps is the Zoom half.
func (p Plan) ZoomSteps(r *Result) []a.Step { return track(zoom.Steps(p.Zoom, &r.zoom), r) }

// MeetsSteps is the MEETS half, using the credentials the result holds.
func (p Plan) MeetsSteps(r *Result) []a.Step {
	r.Meets = &meets.Result{Backup: func(c meets.Config) error {
		b, err := json.MarshalIndent(map[string]string{"api_key": c.APIKey, "api_secret": c.APISecret.Reveal()}, "", "  ")
		if err != nil {
			return err
		}
		path := filepath.Join(p.Dir, "meets-backup.json")
		if err := a.WriteFileAtomic(path, append(b, '\n'), 0o600); err != nil {
			return err
		}
		r.Backup = path
		return nil
	}}
	steps := track(meets.Steps(p.Meets, &r.credentials, r.Meets), r)
	for i := range steps {
		run := steps[i].Run
		steps[i].Run = func(ctx context.Context, s *a.Session) (a.Outcome, error) {
			out, err := run(ctx, s)
			var e *a.Error
			if errors.As(err, &e) && e.Kind == a.KindMeets && r.CredsFile != "" {
				e.Hint = strings.TrimPrefix(e.Hint+"; ", "; ") + fmt.Sprintf("the credentials are kept in %s; to finish, run: zoomsetup meets --credentials %s --meets-url %s",
					r.CredsFile, r.CredsFile, p.Meets.URL)
			}
			return out, err
		}
	}
	return steps
}

// Migration is the whole job: Zoom, then the wait for Zoom's token service,
// then MEETS, then the proof.
func (p Plan) Migration(r *Result) []a.Step {
	steps := append(p.ZoomSteps(r), p.ReadyStep(r))
	steps = append(steps, p.MeetsSteps(r)...)
	return append(steps, p.VerifyStep(r))
}

// ReadyStep is the step "Wait for Zoom's token service": right after
// activation Zoom may refuse the app, or mint tokens without scopes, for
// seconds to minutes. MEETS tests the credentials on Submit, so MEETS is not
// touched until a token with every scope of the profile can be minted.
func (p Plan) ReadyStep(r *Result) a.Step {
	return a.Step{Name: "zoom-token-ready", Title: "Wait until Zoom's token service accepts the app", Timeout: p.Patience + time.Minute,
		Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
			clk := a.ClockOf(ctx)
			start := clk.Now()
			since := func() time.Duration { return clk.Now().Sub(start).Round(time.Second) }
			rep, err := p.API.Verify(ctx, r.credentials, zoomapi.VerifyOptions{Want: r.wanted(), Check: p.Check, Patience: p.Patience, Clock: clk,
				Notef: func(format string, args ...any) {
					s.Note("after %s of at most %s: "+format, append([]any{since(), p.Patience}, args...)...)
				}})
			tries := fmt.Sprintf("%d tries", rep.Attempts)
			if rep.Attempts == 1 {
				tries = "1 try"
			}
			title := fmt.Sprintf("Zoom's token service: %s in %s", tries, since())
			if serr := s.Do(ctx, showReport(title, rep, err)); serr != nil && err == nil {
				return "", serr
			}
			if err != nil {
				return "", &a.Error{Kind: a.KindVerify, Msg: fmt.Sprintf("zoom did not accept the app within %s", p.Patience), Hint: zoomapi.Advice(err) + "; MEETS was not touched", Err: err}
			}
			if rep.Attempts > 1 {
				s.Note("zoom accepted the app after %s", since())
			}
			if r.Changed {
				return a.Done, nil
			}
			return a.Already, nil
		}}
}

// wanted is the scope list a token must carry.
func (r *Result) wanted() []string {
	if len(r.Scopes) > 0 {
		return r.Scopes
	}
	return zoomapi.Profile(r.Catalogue)
}

// track wraps steps so the result knows whether anything changed on the
// sites. A sign-in (an Entry step) changes no site: a rerun in a new
// browser that signs in again still changed nothing.
func track(steps []a.Step, r *Result) []a.Step {
	for i := range steps {
		run, entry := steps[i].Run, steps[i].Entry
		steps[i].Run = func(ctx context.Context, s *a.Session) (a.Outcome, error) {
			out, err := run(ctx, s)
			if out == a.Done && !entry {
				r.Changed = true
			}
			return out, err
		}
	}
	return steps
}

// VerifyStep is the step "Verify": it mints a token as MEETS will, checks its
// scopes and makes one API call, then shows the findings in the tab for the
// screenshot. It reports done when this run changed something and already
// when it confirmed a setup that was complete.
func (p Plan) VerifyStep(r *Result) a.Step {
	return a.Step{Name: "verify", Title: "Verify the credentials with Zoom", Run: func(ctx context.Context, s *a.Session) (a.Outcome, error) {
		rep, err := p.API.Verify(ctx, r.credentials, zoomapi.VerifyOptions{Want: r.wanted(), Check: p.Check, Patience: p.Patience, Notef: s.Note, Clock: a.ClockOf(ctx)})
		r.Verified = rep
		if serr := s.Do(ctx, showReport("Verification with Zoom", rep, err)); serr != nil && err == nil {
			return "", serr
		}
		if err != nil {
			return "", &a.Error{Kind: a.KindVerify, Msg: "the credentials do not work", Hint: zoomapi.Advice(err), Err: err}
		}
		if r.Changed {
			return a.Done, nil
		}
		return a.Already, nil
	}}
}

// showReport puts a page with the verification's findings in the tab.
func showReport(title string, rep *zoomapi.Report, verr error) chromedp.Action[chromedp.Void] {
	row := func(ok bool, what string) string {
		mark, color := "✓", "#137333"
		if !ok {
			mark, color = "✗", "#b3261e"
		}
		return fmt.Sprintf(`<li><span style="color:%s;font-weight:700">%s</span> %s</li>`, color, mark, html.EscapeString(what))
	}
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>` + html.EscapeString(title) + `</title><style>body{font:16px system-ui,sans-serif;margin:48px;color:#1f2937}h1{font-size:24px}li{margin:8px 0;list-style:none}code{background:#f3f4f6;padding:2px 4px}</style></head><body><h1>` + html.EscapeString(title) + `</h1><ul>`)
	b.WriteString(row(rep.TokenMinted, "A token was minted with the Account ID, Client ID and Client Secret"))
	if rep.TokenMinted {
		b.WriteString(row(len(rep.Missing) == 0, fmt.Sprintf("The token carries %d scopes; %d of the profile missing", len(rep.Scopes), len(rep.Missing))))
		b.WriteString(row(rep.CheckPassed, "GET "+rep.Check+" answered"))
	}
	b.WriteString(`</ul>`)
	if verr != nil {
		fmt.Fprintf(&b, `<p role="alert">%s</p>`, html.EscapeString(verr.Error()))
	}
	b.WriteString(`</body></html>`)
	doc := b.String()
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Navigate("about:blank")(ctx, t); err != nil {
			return err
		}
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: doc})
		return err
	})
}
