package automation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// Recovery undoes a passing fault that a wait runs into: an error page with a
// Retry control, a session that ended. Waits look for recoveries between
// looks, so every step gets them without knowing about them; a recovery only
// brings the page back, and the step then looks again before acting (the
// converge rule), so nothing is ever done twice blindly.
type Recovery interface {
	// Needed looks once whether the fault shows.
	Needed(ctx context.Context, t *chromedp.Target) (bool, error)
	// Recover undoes it; it may navigate.
	Recover(ctx context.Context, t *chromedp.Target) error
	String() string
}

// Restarter is a Recovery that rebuilds the page (a new sign-in, a new
// load): what the step did since it last looked may be lost, so after it
// the step starts over instead of waiting on.
type Restarter interface {
	Recovery
	StartsOver()
}

// ErrStartOver ends the waits of a step whose page a Restarter rebuilt.
var ErrStartOver = errors.New("a recovery rebuilt the page; the step starts over")

// recoverTimeout bounds one recovery: a sign-in that may wait up to a
// period (30 s) for a two-step code not used before.
const recoverTimeout = 45 * time.Second

// maxRecoveries and maxStepRecoveries bound the recoveries of one wait and
// of one step, so a page that stays broken fails its step instead of
// spinning until the deadline.
const (
	maxRecoveries     = 6
	maxStepRecoveries = 12
)

// PressRetry is a Recovery that presses a page's own Retry control (an error
// panel's "Retry", an error page's "Try again") with growing pauses between
// presses.
func PressRetry(control Locator) Recovery { return &pressRetry{control: control} }

type pressRetry struct {
	control Locator
	last    time.Time
	n       int
}

func (p *pressRetry) Needed(ctx context.Context, t *chromedp.Target) (bool, error) {
	pause := time.Duration(250<<min(p.n, 4)) * time.Millisecond
	if time.Since(p.last) < pause {
		return false, nil
	}
	return p.control.holds(ctx, t)
}

func (p *pressRetry) Recover(ctx context.Context, t *chromedp.Target) error {
	p.n++
	p.last = time.Now()
	_, err := Click(p.control)(ctx, t)
	return err
}

func (p *pressRetry) String() string { return "pressed " + p.control.String() }

type noRecoveryKey struct{}

// WithoutRecovery returns ctx whose waits run no recovery: for the wait
// that follows a request that must not be sent twice (a Create), where the
// page's Retry would send it again though it may have been carried out.
// The step then looks at what happened before it tries again.
func WithoutRecovery(ctx context.Context) context.Context {
	return context.WithValue(ctx, noRecoveryKey{}, true)
}

// recoverOnce runs the first needed recovery of the context's Env. used
// counts the recoveries of the current wait. When one is needed but the
// wait's or the step's share is used up, it returns an *Error: the fault
// outlasted every recovery, and waiting on would only spin until the step's
// deadline in front of a page that stays broken.
func recoverOnce(ctx context.Context, t *chromedp.Target, used *int) error {
	env := envFrom(ctx)
	if env.recovering.Load() || ctx.Value(noRecoveryKey{}) != nil {
		return nil
	}
	for _, r := range env.Recover {
		ok, err := r.Needed(ctx, t)
		if err != nil || !ok {
			continue
		}
		cause := "the page showed a fault"
		if s := said(ctx, t); s != "" {
			cause = fmt.Sprintf("the page said %q", s)
		}
		var base context.Context
		if *used < maxRecoveries {
			base, ok = env.takeRecovery(ctx)
		}
		if *used >= maxRecoveries || !ok {
			return Fail(KindUnexpected, "the site is failing; run the same command again later (steps look before they act, so nothing is done twice)",
				"%s again after %d recoveries (%s)", cause, env.usedInStep(), r)
		}
		*used++
		env.recovered.Add(1)
		env.logf("%s; %s (recovery %d of %d)", cause, r, *used, maxRecoveries)
		// A recovery may sign in again: it runs within the step's deadline,
		// not within the remains of a short wait's.
		rctx, cancel := context.WithTimeout(base, recoverTimeout)
		defer cancel()
		env.recovering.Store(true)
		defer env.recovering.Store(false)
		if err := r.Recover(rctx, t); err != nil {
			env.logf("recovery failed: %v", err)
		} else if _, ok := r.(Restarter); ok {
			env.startOver.Store(true)
		}
		return nil
	}
	return nil
}
