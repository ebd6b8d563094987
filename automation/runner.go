package automation

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"zoomsetup/secret"
)

// Runner runs steps one after another: it gives each its deadline, takes its
// screenshot, writes its manifest line and its progress line, and on failure
// saves the evidence. It is the one place that does these things, so no flow
// has to remember them.
type Runner struct {
	Dir         string        // the run's folder
	StepTimeout time.Duration // each step's deadline
	Progress    io.Writer     // one line per step (stderr)
	Manifest    *Manifest
	Console     *ConsoleLog // the tab's console, saved with failure evidence
	NoPictures  bool        // take no step screenshots (a failure's evidence still has one)
}

// Run runs steps in order and stops at the first failure, which it returns as
// a *StepError naming the step and its evidence folder.
func (r *Runner) Run(ctx context.Context, s *Session, steps []Step) error {
	return r.RunFrom(ctx, s, steps, 0)
}

// RunFrom is Run starting at steps[from], numbered as in the whole list.
func (r *Runner) RunFrom(ctx context.Context, s *Session, steps []Step, from int) error {
	for i := from; i < len(steps); i++ {
		if err := r.runOne(ctx, s, steps[i], i+1, len(steps)); err != nil {
			return err
		}
	}
	return nil
}

func (r *Runner) runOne(parent context.Context, s *Session, st Step, n, total int) error {
	rec := StepRecord{N: len(r.Manifest.Steps) + 1, Name: st.Name, Title: st.Title, Start: time.Now().UTC()}
	timeout := r.StepTimeout
	if st.Timeout > 0 {
		timeout = st.Timeout
	}
	env := envFrom(s.Tab)
	var outcome Outcome
	var err error
	changed := false // an earlier run of the step reported a change
	for attempt, restarts := 1, 0; ; attempt++ {
		before := env.Recovered()
		ctx, cancel := context.WithTimeout(parent, timeout)
		env.enterStep(ctx, st.Name)
		outcome, err = st.Run(ctx, s)
		cancel()
		if err == nil && outcome == Already && changed {
			outcome = Done
		}
		changed = changed || (err == nil && outcome == Done)
		// A recovery that rebuilt the page (a new sign-in) ends the run of
		// the step, whatever it concluded from the page it was left with;
		// the step starts over and looks again.
		if env.startingOver() != nil && restarts < maxRestarts && parent.Err() == nil {
			restarts++
			attempt--
			s.Note("%s starts over after the recovery (%d of %d)", st.Name, restarts, maxRestarts)
			continue
		}
		// A step that met a fault (and recovered from it) and then failed is
		// run once more: steps look before they act, so this never doubles
		// anything. A failure with a kind (refused, a person needed) is final.
		if err == nil || attempt == maxAttempts || parent.Err() != nil || env.Recovered() == before || isKinded(err) {
			break
		}
		s.Note("%s met a fault and failed (%v); running it again (attempt %d of %d)", st.Name, s.Secrets.Redact(err.Error()), attempt+1, maxAttempts)
	}
	rec.Seconds = time.Since(rec.Start).Seconds()
	rec.URL = Location(s.Tab)

	if err == nil && outcome != Skipped && !r.NoPictures {
		shot := fmt.Sprintf("%02d-%s.png", rec.N, st.Name)
		masked, serr := r.screenshot(s, st.Mask, filepath.Join(r.Dir, shot))
		if serr != nil {
			err = fmt.Errorf("screenshot: %w", serr)
		} else {
			rec.Screenshot, rec.Masked = shot, masked
		}
	}
	if err != nil {
		if parent.Err() != nil {
			outcome = Interrupted
			err = &Error{Kind: KindInterrupted, Msg: "interrupted", Err: parent.Err()}
		} else {
			outcome = Failed
			if errors.Is(err, context.DeadlineExceeded) && KindOf(err) == KindUnexpected {
				err = fmt.Errorf("no answer within %s: %w", timeout, err)
			}
		}
		rec.Error = s.Secrets.Redact(err.Error())
		if outcome == Failed {
			rec.Evidence = r.evidence(s, st, rec, err)
		}
	}
	rec.Outcome = outcome
	if r.Progress != nil {
		fmt.Fprintf(r.Progress, "%2d/%-2d %-26s %-11s %5.1fs\n", n, total, st.Name, outcome, rec.Seconds)
	}
	if merr := r.Manifest.add(rec); merr != nil && err == nil {
		err = merr
	}
	if err != nil {
		return &StepError{Step: st.Name, Evidence: rec.Evidence, Err: redacted{err, s.Secrets}}
	}
	return nil
}

// maxAttempts bounds the runs of one step, and maxRestarts the extra runs
// that follow a rebuilt page.
const (
	maxAttempts = 2
	maxRestarts = 4
)

// isKinded reports whether err carries an *Error, even of KindUnexpected: a
// considered verdict, not a wait that ran out.
func isKinded(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// redacted is an error whose text has the secrets removed, still unwrapping to its cause.
type redacted struct {
	err error
	r   *secret.Redactor
}

func (e redacted) Error() string { return e.r.Redact(e.err.Error()) }
func (e redacted) Unwrap() error { return e.err }

// Location reads the tab's address with a short deadline of its own, for
// messages written when the step's deadline may already have passed.
func Location(tab context.Context) string {
	ctx, cancel := context.WithTimeout(tab, 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return ""
	}
	return u
}

// screenshot masks, captures and unmasks. It uses its own deadline so that a
// step that used all of its time still gets its picture.
func (r *Runner) screenshot(s *Session, mask []Locator, path string) ([]Rect, error) {
	ctx, cancel := context.WithTimeout(s.Tab, 15*time.Second)
	defer cancel()
	values := s.Secrets.Values()
	if s.ShowSecrets {
		values = slices.DeleteFunc(values, func(v string) bool { return slices.Contains(s.shown, v) })
	} else {
		// A secret the run has not read yet (a page that shows the Client
		// Secret as soon as the app exists) is hidden by where it shows.
		mask = append(mask[:len(mask):len(mask)], s.Hidden...)
	}
	// The page is let settle first, so nothing moves from under a mask
	// between its drawing and the picture.
	_, _ = chromedp.Run(ctx, chromedp.Action[bool](func(ctx context.Context, t *chromedp.Target) (bool, error) {
		return engineCall[bool](ctx, t, "steady", 2000)
	}))
	rects, err := chromedp.Run(ctx, Mask(mask, values))
	if err != nil {
		return nil, fmt.Errorf("mask: %w", err)
	}
	defer chromedp.Do(ctx, Unmask())
	png, err := chromedp.Run(ctx, quickShot())
	if err != nil {
		return nil, err
	}
	return rects, os.WriteFile(path, png, 0o644)
}

// quickShot captures the viewport as a PNG encoded for speed rather than
// size: a step's picture is on the run's critical path; the guide's are not.
func quickShot() chromedp.Action[[]byte] {
	return func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		on := true
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{FromSurface: &on, OptimizeForSpeed: &on})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
}

// evidence saves what a person needs to see why a step failed: the masked
// screenshot, the page's HTML and the console, all without secrets. It
// returns the folder.
func (r *Runner) evidence(s *Session, st Step, rec StepRecord, err error) string {
	dir := filepath.Join(r.Dir, "failure")
	if mkerr := os.MkdirAll(dir, 0o700); mkerr != nil {
		return ""
	}
	base := fmt.Sprintf("%02d-%s", rec.N, st.Name)
	if _, serr := r.screenshot(s, st.Mask, filepath.Join(dir, base+".png")); serr != nil {
		s.Note("could not save the failure screenshot: %v", serr)
	}
	ctx, cancel := context.WithTimeout(s.Tab, 5*time.Second)
	defer cancel()
	if html, herr := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement ? document.documentElement.outerHTML : ""`)); herr == nil {
		_ = os.WriteFile(filepath.Join(dir, base+"-page.html"), []byte(s.Secrets.Redact(html)), 0o600)
	}
	if r.Console != nil {
		_ = os.WriteFile(filepath.Join(dir, base+"-console.log"), []byte(s.Secrets.Redact(r.Console.String())), 0o600)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "step: %s (%s)\naddress: %s\nerror: %s\n", st.Name, st.Title, rec.URL, err)
	_ = os.WriteFile(filepath.Join(dir, base+"-error.txt"), []byte(s.Secrets.Redact(b.String())), 0o600)
	return dir
}
