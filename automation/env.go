package automation

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"zoomsetup/clock"
	"zoomsetup/secret"
)

// Env is what actions need from the run around them: where to say what they
// noticed, and how to get rid of overlays. It travels in the context so that
// actions stay plain values.
type Env struct {
	Logf    func(format string, args ...any) // notices, e.g. a name matched by its alternative
	Dismiss []Locator                        // controls that close an overlay, least consent first
	Recover []Recovery                       // ways back from passing faults, tried during waits
	Secrets *secret.Redactor                 // learns every secret typed, so no output shows it
	Clock   clock.Clock                      // what pauses between tries run on; nil is the real clock

	recovered  atomic.Int64 // recoveries so far, so the runner knows a step met a fault
	recovering atomic.Bool  // a recovery is running: its own waits must not start another
	startOver  atomic.Bool  // a recovery rebuilt the page: the running step must start over
	step       atomic.Value // the name of the step running now

	mu       sync.Mutex
	stepCtx  context.Context // the running step's context: recoveries live within its deadline
	stepUsed int             // recoveries in the running step
	drifted  map[string]bool // drift notes said so far
}

// noteDrift says once per run that an element was found another way than
// its locator prefers: a site's markup moved, and the next change may break.
func (e *Env) noteDrift(note string) {
	e.mu.Lock()
	if e.drifted == nil {
		e.drifted = map[string]bool{}
	}
	seen := e.drifted[note]
	e.drifted[note] = true
	e.mu.Unlock()
	if !seen {
		e.logf("drift: %s", note)
	}
}

// enterStep records the step that starts running with ctx.
func (e *Env) enterStep(ctx context.Context, name string) {
	e.step.Store(name)
	e.startOver.Store(false)
	e.mu.Lock()
	e.stepCtx, e.stepUsed = ctx, 0
	e.mu.Unlock()
}

// takeRecovery counts one recovery of the running step and returns the
// context it runs under, or false when the step has used its share.
func (e *Env) takeRecovery(ctx context.Context) (context.Context, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.stepUsed >= maxStepRecoveries {
		return nil, false
	}
	e.stepUsed++
	if e.stepCtx != nil {
		return e.stepCtx, true
	}
	return ctx, true
}

// usedInStep is how many recoveries the running step has used.
func (e *Env) usedInStep() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.stepUsed
}

// CurrentStep names the step running in ctx's run, so a recovery can stay
// out of the step whose job it would do (no "sign in again" while signing in).
func CurrentStep(ctx context.Context) string {
	s, _ := envFrom(ctx).step.Load().(string)
	return s
}

// startingOver returns ErrStartOver once a recovery has rebuilt the page in
// the running step: every wait then ends at once, and the runner starts the
// step again, so it looks before it acts instead of going on from a page
// state that is gone.
func (e *Env) startingOver() error {
	if e.startOver.Load() {
		return ErrStartOver
	}
	return nil
}

// Recovered counts the recoveries run so far.
func (e *Env) Recovered() int64 { return e.recovered.Load() }

type envKey struct{}

// WithEnv returns ctx carrying env for the actions run with it.
func WithEnv(ctx context.Context, env *Env) context.Context {
	return context.WithValue(ctx, envKey{}, env)
}

func envFrom(ctx context.Context) *Env {
	if e, ok := ctx.Value(envKey{}).(*Env); ok && e != nil {
		return e
	}
	return &Env{}
}

func (e *Env) logf(format string, args ...any) {
	if e.Logf != nil {
		e.Logf(format, args...)
	}
}

// Now is the time on the clock of ctx's run: deadlines of tries count on it.
func Now(ctx context.Context) time.Time { return clock.Or(envFrom(ctx).Clock).Now() }

// ClockOf is the clock of ctx's run, for code outside automation that waits between tries.
func ClockOf(ctx context.Context) clock.Clock { return clock.Or(envFrom(ctx).Clock) }
