package automation

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"zoomsetup/secret"
)

// totpPeriod is RFC 6238's step, the one Zoom's authenticator codes use.
const totpPeriod = 30 * time.Second

// codeAt is the 6-digit code of secret for the period holding t.
func codeAt(s secret.Secret, t time.Time) (string, error) {
	code, err := totp.GenerateCodeCustom(strings.ToUpper(strings.ReplaceAll(s.Reveal(), " ", "")), t, totp.ValidateOpts{
		Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1,
	})
	if err != nil {
		return "", fmt.Errorf("the TOTP secret is not valid base32: %w", err)
	}
	return code, nil
}

// Authenticator gives two-step codes as a phone's authenticator app does,
// and remembers which periods' codes it has given: a server accepts each
// code once, so a sign-in later in the same run (after a session ended)
// never types a code an earlier one spent. Copies share the memory.
type Authenticator struct {
	secret secret.Secret
	clock  func() time.Time // nil: the run's clock (Env.Clock)

	mu    sync.Mutex
	spent map[int64]bool // periods (Unix time / 30 s) whose code was given
}

// NewAuthenticator checks secret (the base32 text shown when the
// authenticator was set up) and returns an authenticator for it.
func NewAuthenticator(s secret.Secret) (*Authenticator, error) {
	if _, err := codeAt(s, time.Unix(0, 0)); err != nil {
		return nil, err
	}
	return &Authenticator{secret: s, spent: map[int64]bool{}}, nil
}

// UseClock makes the authenticator read the time from now instead of the
// system clock, so a test can give it the clock of the site that checks its
// codes. It returns au.
func (au *Authenticator) UseClock(now func() time.Time) *Authenticator {
	au.mu.Lock()
	defer au.mu.Unlock()
	au.clock = now
	return au
}

// Secret is the authenticator's secret, for the redactor; the zero Secret
// for a nil authenticator.
func (au *Authenticator) Secret() secret.Secret {
	if au == nil {
		return secret.Secret{}
	}
	return au.secret
}

// Code returns a code not given before that will still be valid after
// margin: this period's, or the next period's (servers accept one period
// of skew). When both are spent it waits for the next period, bounded by
// ctx, and tells waiting how long first.
func (au *Authenticator) Code(ctx context.Context, margin time.Duration, waiting func(time.Duration)) (string, error) {
	now := au.clock
	if now == nil {
		now = ClockOf(ctx).Now
	}
	for {
		au.mu.Lock()
		period, wait := au.pick(now(), margin)
		if wait == 0 {
			au.spent[period] = true
			au.mu.Unlock()
			return codeAt(au.secret, time.Unix(period*int64(totpPeriod/time.Second), 0))
		}
		au.mu.Unlock()
		if waiting != nil {
			waiting(wait)
		}
		if err := Pause(ctx, wait); err != nil {
			return "", fmt.Errorf("waiting %s for a two-step code not used before: %w", wait.Round(time.Second), err)
		}
	}
}

// pick chooses the period whose code to give at now, or, when this
// period's and the next one's are both spent (or this one is too close to
// its end), how long until the next period begins.
func (au *Authenticator) pick(now time.Time, margin time.Duration) (period int64, wait time.Duration) {
	cur := now.Unix() / int64(totpPeriod/time.Second)
	left := time.Unix((cur+1)*int64(totpPeriod/time.Second), 0).Sub(now)
	switch {
	case left >= margin && !au.spent[cur]:
		return cur, 0
	case !au.spent[cur+1]:
		return cur + 1, 0
	}
	return 0, left
}
