package automation

import "context"

// Env is what actions need from the run around them: where to say what they
// noticed, and how to get rid of overlays. It travels in the context so that
// actions stay plain values.
type Env struct {
	Logf    func(format string, args ...any) // notices, e.g. a name matched by its alternative
	Dismiss []Locator                        // controls that close an overlay, least consent first
}

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
