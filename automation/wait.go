package automation

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"zoomsetup/clock"
)

// pollEvery is how often a wait looks again when nothing on the page
// changes (an address, a status, a server's answer). A change on the page
// makes it look at once (nextLook). It bounds how late a wait notices its
// condition, never how long it waits: that is the step's deadline.
const pollEvery = 200 * time.Millisecond

// nextLook returns when the page has changed or pollEvery has passed, or
// with ctx's error when ctx ends: the pause of a wait between two looks.
func nextLook(ctx context.Context, t *chromedp.Target) error {
	wctx, cancel := context.WithTimeout(ctx, pollEvery+100*time.Millisecond)
	defer cancel()
	if _, err := engineCall[bool](wctx, t, "changed", pollEvery.Milliseconds()); err != nil && ctx.Err() == nil {
		// A page being replaced has nothing to watch yet: a short pause.
		t := time.NewTimer(20 * time.Millisecond)
		defer t.Stop()
		select {
		case <-ctx.Done():
		case <-t.C:
		}
	}
	return ctx.Err()
}

// Condition is something a person could see on the page: an element, a text, an address.
type Condition interface {
	// holds looks once, without waiting.
	holds(ctx context.Context, t *chromedp.Target) (bool, error)
	String() string
}

// holds is true when l has a match: the engine finds only what shows.
func (l Locator) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	hits, err := find(ctx, t, l)
	return len(hits) > 0, err
}

// Text is a condition on the words a person reads on the page (its rendered text).
type Text string

func (x Text) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	body, err := pageText(ctx, t)
	if err != nil {
		return false, err
	}
	return strings.Contains(strings.ToLower(body), strings.ToLower(Normalize(string(x)))), nil
}

// String quotes the text.
func (x Text) String() string { return fmt.Sprintf("text %q", string(x)) }

// URLPrefix is a condition on the address of the page.
type URLPrefix string

func (u URLPrefix) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	loc, err := chromedp.Location()(ctx, t)
	if err != nil {
		return false, err
	}
	return strings.HasPrefix(loc, string(u)), nil
}

// String quotes the address.
func (u URLPrefix) String() string { return fmt.Sprintf("address starting %q", string(u)) }

// pageText returns the rendered, whitespace-folded text of the page,
// what its components draw in their shadow roots included.
func pageText(ctx context.Context, t *chromedp.Target) (string, error) {
	s, err := engineCall[string](ctx, t, "text")
	if err != nil {
		return "", err
	}
	return Normalize(s), nil
}

// PageText reads the page as a person does: all its rendered text, one
// space between words.
func PageText() chromedp.Action[string] {
	return func(ctx context.Context, t *chromedp.Target) (string, error) {
		return pageText(ctx, t)
	}
}

// ErrWaited wraps every wait that ran out of time, so callers can tell "not there" from "broken".
var ErrWaited = errors.New("waited in vain")

// WaitAny waits until one of conds holds and returns its index. It is how a
// step tells apart the pages that can follow an action (signed in, wrong
// password, code asked) without guessing with a sleep.
func WaitAny(conds ...Condition) chromedp.Action[int] {
	return func(ctx context.Context, t *chromedp.Target) (int, error) {
		recovered := 0
		for {
			if err := envFrom(ctx).startingOver(); err != nil {
				return -1, err
			}
			i, err := lookOnce(ctx, t, conds)
			if err != nil && ctx.Err() == nil && !transient(err) {
				return -1, err
			}
			if i >= 0 {
				return i, nil
			}
			if err := recoverOnce(ctx, t, &recovered); err != nil {
				return -1, err
			}
			if nextLook(ctx, t) != nil {
				return -1, waitError(ctx, t, conds)
			}
		}
	}
}

// lookOnce checks conds in order and returns the index of the first that
// holds, or -1. The locators among them are looked up together, in one
// round trip to the page.
func lookOnce(ctx context.Context, t *chromedp.Target, conds []Condition) (int, error) {
	var locs []Locator
	var at []int
	for i, c := range conds {
		if l, ok := c.(Locator); ok {
			locs = append(locs, l)
			at = append(at, i)
		}
	}
	found := map[int]bool{}
	if len(locs) > 1 {
		hits, err := findMany(ctx, t, locs)
		if err != nil {
			return -1, err
		}
		for j, h := range hits {
			found[at[j]] = len(h) > 0
		}
	}
	for i, c := range conds {
		if v, ok := found[i]; ok {
			if v {
				return i, nil
			}
			continue
		}
		ok, err := c.holds(ctx, t)
		if err != nil {
			// The page changed while it was looked at (a load): what the
			// other conditions see now may belong to another page than what
			// this one saw, so nothing is concluded from this look.
			return -1, err
		}
		if ok {
			return i, nil
		}
	}
	return -1, nil
}

// WaitFor waits until c holds.
func WaitFor(c Condition) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := WaitAny(c)(ctx, t)
		return chromedp.Void{}, err
	}
}

// WaitGone waits until c no longer holds: a spinner or a dialog went away.
func WaitGone(c Condition) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		recovered := 0
		for {
			if err := envFrom(ctx).startingOver(); err != nil {
				return chromedp.Void{}, err
			}
			ok, err := c.holds(ctx, t)
			if err == nil && !ok {
				return chromedp.Void{}, nil
			}
			if err := recoverOnce(ctx, t, &recovered); err != nil {
				return chromedp.Void{}, err
			}
			if nextLook(ctx, t) != nil {
				return chromedp.Void{}, fmt.Errorf("%w: %s did not go away", ErrWaited, c)
			}
		}
	}
}

// Holds looks once whether c holds, without waiting.
func Holds(c Condition) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		return c.holds(ctx, t)
	}
}

// transient reports errors that come from a page changing under a lookup
// (a navigation, a node that just went away): looking again is right.
func transient(err error) bool {
	s := err.Error()
	for _, w := range []string{"Cannot find context", "No node", "Could not find node", "context was destroyed", "Execution context", "not found", "-32000"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// waitError says what a timed-out wait expected and what the page showed instead.
func waitError(ctx context.Context, t *chromedp.Target, conds []Condition) error {
	want := make([]string, len(conds))
	for i, c := range conds {
		want[i] = c.String()
	}
	return &WaitError{Wanted: want, Seen: Glimpse(t)}
}

// WaitError is a wait that timed out, with what was wanted and what the page showed.
type WaitError struct {
	Wanted []string
	Seen   string
}

func (e *WaitError) Error() string {
	return fmt.Sprintf("waited for %s; the page showed %s", strings.Join(e.Wanted, " or "), e.Seen)
}

// Unwrap makes errors.Is(err, ErrWaited) true.
func (e *WaitError) Unwrap() error { return ErrWaited }

// Glimpse summarises the page for an error message: its address, title,
// headings and any alert, in a line. It uses its own short deadline because
// the step's has usually run out when it is needed.
func Glimpse(t *chromedp.Target) string {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	s, err := chromedp.Evaluate[string](`(() => {
	  `+visibleTexts+`
	  const h = pick('h1,h2,h3,[role=heading]').slice(0, 4);
	  const a = pick('[role=alert],[role=status]').slice(0, 4);
	  let s = location.href.split('#')[0].split('?')[0] + ' "' + document.title + '"';
	  if (h.length) s += ' headings [' + h.join(' | ') + ']';
	  if (a.length) s += ' messages [' + a.join(' | ') + ']';
	  return s;
	})()`)(ctx, t)
	if err != nil {
		return "(page not readable: " + err.Error() + ")"
	}
	return s
}

// visibleTexts defines pick(selector) in page script: the whitespace-folded
// texts of the visible elements it matches, for messages about the page.
const visibleTexts = `const pick = (sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null || e.getClientRects().length).map(e => e.innerText.trim().replace(/\s+/g,' ')).filter(Boolean);`

// said is what the page tells a person about a fault: its visible alerts,
// else its first heading, shortened; "" when it says nothing readable.
func said(ctx context.Context, t *chromedp.Target) string {
	s, err := chromedp.Evaluate[string](`(() => {
	  `+visibleTexts+`
	  const a = pick('[role=alert]');
	  return (a.length ? a.join(' | ') : (pick('h1,h2,[role=heading]')[0] || '')).slice(0, 120);
	})()`)(ctx, t)
	if err != nil {
		return ""
	}
	return s
}

// OffOrigins holds when the page's origin is none of the given ones: the run
// was sent somewhere it must not type credentials (an SSO identity provider).
type OffOrigins []string

func (o OffOrigins) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	loc, err := chromedp.Location()(ctx, t)
	if err != nil || loc == "" || strings.HasPrefix(loc, "about:") {
		return false, err
	}
	got := Origin(loc)
	for _, want := range o {
		if Origin(want) == got {
			return false, nil
		}
	}
	return true, nil
}

// String names the allowed origins.
func (o OffOrigins) String() string { return fmt.Sprintf("a page outside %s", strings.Join(o, ", ")) }

// Origin returns scheme://host[:port] of an address, or "" when it has none.
func Origin(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	return p.Scheme + "://" + p.Host
}

// InFront holds when a match of l shows in front of everything else the
// page draws, enabled or not: a prompt left on the page behind a dialog is
// not in front; the dialog's own buttons are.
func InFront(l Locator) Condition { return inFront{l} }

type inFront struct{ l Locator }

func (c inFront) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	hits, err := find(ctx, t, c.l)
	for _, h := range hits {
		if p, err := engineCall[point](ctx, t, "point", h.ID, true); err == nil && p.State == "ok" {
			return true, nil
		}
	}
	return false, err
}

func (c inFront) String() string { return c.l.String() + " in front" }

// When makes a Condition of any check, for what the ready-made ones do not cover.
func When(desc string, check chromedp.Action[bool]) Condition { return when{desc, check} }

type when struct {
	desc  string
	check chromedp.Action[bool]
}

func (w when) holds(ctx context.Context, t *chromedp.Target) (bool, error) { return w.check(ctx, t) }
func (w when) String() string                                              { return w.desc }

// Fresh returns a condition that holds only for matches of l that are not on
// the page now: after pressing a button again, the message it brings, not the
// one left from the last press.
func Fresh(l Locator) chromedp.Action[Condition] {
	return func(ctx context.Context, t *chromedp.Target) (Condition, error) {
		old, err := find(ctx, t, l)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, h := range old {
			seen[h.ID] = true
		}
		return When("a new "+l.String(), func(ctx context.Context, t *chromedp.Target) (bool, error) {
			hits, err := find(ctx, t, l)
			if err != nil {
				return false, err
			}
			for _, h := range hits {
				if !seen[h.ID] {
					return true, nil
				}
			}
			return false, nil
		}), nil
	}
}

// Pause waits d or until ctx ends: the backoff between two tries of
// something that failed, never a guess at how long a page takes. It runs on
// the run's clock (Env.Clock).
func Pause(ctx context.Context, d time.Duration) error {
	return clock.Or(envFrom(ctx).Clock).Sleep(ctx, d)
}

// Settled holds once the page has shown nothing new, and asked nothing of
// its server, for a moment, and nothing on it says it is loading: what a
// person waits for before concluding that something is not there.
func Settled() Condition { return settled{} }

type settled struct{}

// settleQuiet is how long (ms) a page must stay still to count as settled:
// longer than a render that follows an answer, short of a person's glance.
const settleQuiet = 150

func (settled) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	return engineCall[bool](ctx, t, "settled", settleQuiet)
}

func (settled) String() string { return "the page to finish loading" }

// Status holds when the page's own load was answered with one of codes:
// a site that says it is unavailable (503), whatever words its page shows.
func Status(codes ...int) Condition { return status(codes) }

type status []int

func (s status) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	got, err := engineCall[int](ctx, t, "status")
	if err != nil {
		return false, err
	}
	for _, c := range s {
		if got == c {
			return true, nil
		}
	}
	return false, nil
}

func (s status) String() string { return fmt.Sprintf("an HTTP answer %v", []int(s)) }

// ForeignFrame holds when the page shows, large enough to hold a form, a
// frame of a site other than allowed: a sign-in that continues at an
// identity provider inside the page.
func ForeignFrame(allowed ...string) Condition { return foreignFrame(allowed) }

type foreignFrame []string

func (f foreignFrame) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	frames, err := engineCall[[]string](ctx, t, "frames")
	if err != nil {
		return false, err
	}
	for _, fr := range frames {
		ok := false
		for _, a := range f {
			ok = ok || Origin(a) == fr
		}
		if !ok {
			return true, nil
		}
	}
	return false, nil
}

func (f foreignFrame) String() string { return "a frame of a site other than " + strings.Join(f, ", ") }

// FrameOrigins lists the origins of the foreign frames ForeignFrame sees, for messages.
func FrameOrigins(ctx context.Context) []string {
	out, _ := chromedp.Run(ctx, chromedp.Action[[]string](func(ctx context.Context, t *chromedp.Target) ([]string, error) {
		return engineCall[[]string](ctx, t, "frames")
	}))
	return out
}

// Glance waits at most d for one of conds and returns its index, or -1 when
// none showed: for looking whether a menu opened, never for a page to load.
func Glance(d time.Duration, conds ...Condition) chromedp.Action[int] {
	return func(ctx context.Context, t *chromedp.Target) (int, error) {
		if d <= 0 {
			i, err := lookOnce(ctx, t, conds)
			if err != nil && (transient(err) || ctx.Err() == nil && errors.Is(err, ErrWaited)) {
				return -1, nil
			}
			return i, err
		}
		gctx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		i, err := WaitAny(conds...)(gctx, t)
		if err != nil && ctx.Err() == nil && errors.Is(err, ErrWaited) {
			return -1, nil
		}
		return i, err
	}
}

// Any holds when one of conds holds: several pages that all mean "arrived".
func Any(conds ...Condition) Condition { return anyOf(conds) }

type anyOf []Condition

func (c anyOf) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	i, err := lookOnce(ctx, t, c)
	return i >= 0, err
}

func (c anyOf) String() string {
	s := make([]string, len(c))
	for i, x := range c {
		s[i] = x.String()
	}
	return strings.Join(s, " or ")
}
