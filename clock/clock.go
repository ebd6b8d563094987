// Package clock is the time the tool's own waits run on: the pauses between
// tries (a MEETS that is down, a token not ready, a page to load again) and
// the deadlines they count against. Runs use the real clock; tests use one
// that moves the simulator's time instead of waiting for it, so a delay of
// minutes on the simulated sites passes at once.
package clock

import (
	"context"
	"time"
)

// Clock tells the time and pauses.
type Clock interface {
	Now() time.Time
	// Sleep returns after d, or at once with ctx's error when ctx ends first.
	Sleep(ctx context.Context, d time.Duration) error
}

// Real is the machine's clock.
var Real Clock = real{}

type real struct{}

func (real) Now() time.Time { return time.Now() }

func (real) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Or returns c, or Real when c is nil.
func Or(c Clock) Clock {
	if c == nil {
		return Real
	}
	return c
}
