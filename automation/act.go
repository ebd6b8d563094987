package automation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

type point struct {
	State  string  `json:"state"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	By     string  `json:"by"`
	Origin string  `json:"origin"`
}

// ErrDisabled, ErrHidden and ErrCovered say why an element could not be used yet.
var (
	ErrDisabled = errors.New("is disabled")
	ErrHidden   = errors.New("is not visible")
	ErrCovered  = errors.New("is covered")
)

// actionable waits for the first match of l that is visible, enabled and not
// covered, and returns it with the point to click. An overlay found covering
// it is dismissed with the context's Dismissers, or waited out.
func actionable(ctx context.Context, t *chromedp.Target, l Locator) (Hit, point, error) {
	env := envFrom(ctx)
	var why error
	recovered := 0
	for {
		if err := env.startingOver(); err != nil {
			return Hit{}, point{}, err
		}
		hits, err := find(ctx, t, l)
		if err != nil && !transient(err) && ctx.Err() == nil {
			return Hit{}, point{}, err
		}
		for _, h := range hits {
			if h.Disabled {
				why = fmt.Errorf("%s %w", l, ErrDisabled)
				continue
			}
			p, err := engineCall[point](ctx, t, "point", h.ID)
			if err != nil {
				continue
			}
			switch p.State {
			case "ok":
				if h.Matched != "" && len(l.Names) > 1 && h.Matched != l.Names[0] {
					env.noteDrift(fmt.Sprintf("found %s by its alternative name %q", l.describe(), h.Matched))
				}
				return h, p, nil
			case "covered":
				why = fmt.Errorf("%s %w by %q", l, ErrCovered, p.By)
				dismissOverlays(ctx, t, env)
			default:
				why = fmt.Errorf("%s %w", l, ErrHidden)
			}
		}
		if len(hits) == 0 {
			if err := recoverOnce(ctx, t, &recovered); err != nil {
				return Hit{}, point{}, err
			}
		}
		if nextLook(ctx, t) != nil {
			if why != nil {
				return Hit{}, point{}, fmt.Errorf("%w: %w; the page showed %s", ErrWaited, why, Glimpse(t))
			}
			return Hit{}, point{}, &WaitError{Wanted: []string{l.String()}, Seen: Glimpse(t)}
		}
	}
}

// dismissOverlays presses the first dismisser that is on screen (a cookie
// banner's "Decline"), on the page's own site only.
func dismissOverlays(ctx context.Context, t *chromedp.Target, env *Env) {
	for _, d := range env.Dismiss {
		hits, err := find(ctx, t, d)
		if err != nil || len(hits) == 0 {
			continue
		}
		p, err := engineCall[point](ctx, t, "point", hits[0].ID)
		if err != nil || p.State != "ok" || checkOrigin(ctx, p.Origin) != nil {
			continue
		}
		env.logf("dismissed an overlay with %s", d)
		_ = clickAt(ctx, t, p)
		return
	}
}

// clickAt presses and releases the left mouse button at p.
func clickAt(ctx context.Context, t *chromedp.Target, p point) error {
	if err := press(ctx, t, p); err != nil {
		return err
	}
	return landed(ctx, t)
}

// press moves the pointer to p and clicks there, as a person's mouse does.
func press(ctx context.Context, t *chromedp.Target, p point) error {
	for _, typ := range []input.DispatchMouseEventType{input.DispatchMouseEventTypeMouseMoved, input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased} {
		params := input.DispatchMouseEventParams{Type: typ, X: p.X, Y: p.Y}
		if typ != input.DispatchMouseEventTypeMouseMoved {
			params.Button = input.MouseButtonLeft
			params.ClickCount = 1
		}
		if _, err := cdp.Call(ctx, t, input.DispatchMouseEvent, params); err != nil {
			return err
		}
	}
	return nil
}

// landed reports a press since the last look that the page, moving under
// the pointer, would have sent elsewhere (a MissedError). A page that went
// away with the click (a link followed) took the watch with it: it landed.
func landed(ctx context.Context, t *chromedp.Target) error {
	l, err := engineCall[landing](ctx, t, "landed")
	if err == nil && len(l.Missed) > 0 {
		return &MissedError{At: l.At, IDs: l.Missed}
	}
	return nil
}

// landing is what the engine saw of the last press.
type landing struct {
	Missed []string `json:"missed"` // the elements whose press missed
	At     string   `json:"at"`     // where the last one would have landed
}

// MissedError is a press that the page, moving under the pointer, would
// have sent to another element; it was stopped before the page saw it.
type MissedError struct {
	At  string   // where the last press would have landed
	IDs []string // the elements that were not pressed
}

func (e *MissedError) Error() string {
	return "the page moved under the pointer: the press would have landed on " + e.At
}

// pressAgain is how often a press that missed is aimed again.
const pressAgain = 5

// Click waits until l is visible, enabled and uncovered, then clicks its
// middle as a person would. Under WithOrigin it clicks nothing on another site.
func Click(l Locator) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := clickUnless(ctx, t, l, nil)
		return chromedp.Void{}, err
	}
}

// clickUnless clicks l once it is actionable, unless done says its hit
// needs no click; a press the page moved away from is aimed again. It
// reports whether it clicked.
func clickUnless(ctx context.Context, t *chromedp.Target, l Locator, done func(Hit) bool) (bool, error) {
	for try := 1; ; try++ {
		h, p, err := actionable(ctx, t, l)
		if err != nil {
			return false, err
		}
		if done != nil && done(h) {
			return false, nil
		}
		if err := checkOrigin(ctx, p.Origin); err != nil {
			return false, err
		}
		err = clickAt(ctx, t, p)
		if err == nil {
			return true, nil
		}
		if !errors.As(err, new(*MissedError)) || try == pressAgain || nextLook(ctx, t) != nil {
			return false, fmt.Errorf("%s: %w", l, err)
		}
	}
}

// Hover moves the pointer onto l, as a person does to open a menu that
// opens on hover. It reports whether l was there to hover.
func Hover(l Locator) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		hits, err := find(ctx, t, l)
		if err != nil || len(hits) == 0 {
			return false, err
		}
		p, err := engineCall[point](ctx, t, "point", hits[0].ID, true)
		if err != nil || p.State != "ok" {
			return false, err
		}
		_, err = cdp.Call(ctx, t, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: p.X, Y: p.Y})
		return err == nil, err
	}
}

// focused is where the focus is after the engine put it in a field.
type focused struct {
	Focused bool   `json:"focused"`
	Origin  string `json:"origin"`
}

// typed is whether a field holds what was typed into it.
type typed struct {
	OK     bool   `json:"ok"`
	Origin string `json:"origin"`
}

// Fill replaces the text of the field l with value, typed as input events so
// the page's own handlers see it, then leaves the field so it commits.
func Fill(l Locator, value string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		return chromedp.Void{}, fill(ctx, t, l, value, "")
	}
}

// fill types value into l. When origin is not empty the value is a secret
// bound to that site: it is typed only if the field that has the focus, at
// that moment, belongs to a page of that origin, and typing stops as soon as
// the page is seen on another.
func fill(ctx context.Context, t *chromedp.Target, l Locator, value, origin string) error {
	// A field replaced between finding it and typing into it (a page that
	// drew itself again) is looked up again; nothing was typed into it.
	for {
		err := fillOnce(ctx, t, l, value, origin)
		if err == nil || !gone(err) || ctx.Err() != nil {
			return err
		}
	}
}

// gone reports an action's element that went away before the action reached it.
func gone(err error) bool {
	return strings.Contains(err.Error(), "the element went away")
}

func fillOnce(ctx context.Context, t *chromedp.Target, l Locator, value, origin string) error {
	h, p, err := actionable(ctx, t, l)
	if err != nil {
		return err
	}
	if err := typeInto(ctx, t, l.String(), h, p, value, origin); err != nil {
		return err
	}
	got, err := engineCall[typed](ctx, t, "typed", h.ID, value)
	if err != nil {
		if origin != "" && !gone(err) {
			return fmt.Errorf("%s: the page changed while a secret was typed; nothing more is sent", l)
		}
		return err
	}
	if origin != "" && Origin(got.Origin) != Origin(origin) {
		return &OriginError{What: l.String(), Want: Origin(origin), Got: got.Origin}
	}
	if !got.OK {
		return fmt.Errorf("%s did not take the text typed into it", l)
	}
	return nil
}

// typeInto clicks the field h (at p), puts the focus in it and types text.
// With an origin, the text is typed only when the focused field's page is
// of that origin at that moment.
func typeInto(ctx context.Context, t *chromedp.Target, what string, h Hit, p point, text, origin string) error {
	if err := checkOrigin(ctx, p.Origin); err != nil {
		return err
	}
	// A press the page moved away from was stopped; the focus is put in
	// the field next in any case.
	if err := clickAt(ctx, t, p); err != nil && !errors.As(err, new(*MissedError)) {
		return err
	}
	f, err := engineCall[focused](ctx, t, "focus", h.ID)
	if err != nil {
		return err
	}
	if origin != "" {
		if Origin(f.Origin) != Origin(origin) {
			return &OriginError{What: what, Want: Origin(origin), Got: f.Origin}
		}
		if !f.Focused {
			return fmt.Errorf("%s did not take the focus; nothing was typed", what)
		}
	}
	_, err = cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
	return err
}

// Value waits for l and returns what a person reads in it: a field's value,
// or the text beside a label.
func Value(l Locator) chromedp.Action[string] {
	return func(ctx context.Context, t *chromedp.Target) (string, error) {
		var v string
		_, err := WaitAny(When(l.String(), func(ctx context.Context, t *chromedp.Target) (bool, error) {
			hits, err := read(ctx, t, l)
			if err != nil || len(hits) == 0 || hits[0].Value == nil {
				return false, err
			}
			v = *hits[0].Value
			return true, nil
		}))(ctx, t)
		return v, err
	}
}

// ReadNow is Value without the wait: "" when l is not there. For use inside conditions.
func ReadNow(l Locator) chromedp.Action[string] {
	return func(ctx context.Context, t *chromedp.Target) (string, error) {
		hits, err := read(ctx, t, l)
		if err != nil || len(hits) == 0 || hits[0].Value == nil {
			return "", err
		}
		return *hits[0].Value, nil
	}
}

// RowText returns the text of the row, list item or card that holds the
// first match of l: the other columns of an app's line in a list.
func RowText(l Locator) chromedp.Action[string] {
	return func(ctx context.Context, t *chromedp.Target) (string, error) {
		hits, err := read(ctx, t, l)
		if err != nil || len(hits) == 0 {
			return "", err
		}
		return hits[0].Row, nil
	}
}

// Editable reports whether l is a field that can be typed into now (not
// read-only, not disabled, not text shown beside a label).
func Editable(l Locator) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		hits, err := read(ctx, t, l)
		if err != nil || len(hits) == 0 {
			return false, err
		}
		return hits[0].Editable, nil
	}
}

// Find returns every match of l now, without waiting: for reading lists (scopes added, apps).
func Find(l Locator) chromedp.Action[[]Hit] {
	return func(ctx context.Context, t *chromedp.Target) ([]Hit, error) {
		return find(ctx, t, l)
	}
}

// SetChecked makes the checkbox or switch l checked (or not), clicking only
// when it must. It reports whether it clicked.
func SetChecked(l Locator, on bool) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		clicked, err := clickUnless(ctx, t, l, func(h Hit) bool { return h.Checked == on })
		if err != nil || !clicked {
			return false, err
		}
		_, err = WaitAny(When(fmt.Sprintf("%s to be checked=%v", l, on), func(ctx context.Context, t *chromedp.Target) (bool, error) {
			hits, err := find(ctx, t, l)
			if err != nil || len(hits) == 0 {
				return false, err
			}
			return hits[0].Checked == on, nil
		}))(ctx, t)
		return true, err
	}
}

// TickAll checks every unchecked box among the matches of l whose name
// passes want, in one look, and waits until each shows checked. It returns
// how many it clicked. A list of many boxes is then one lookup, not one each.
func TickAll(l Locator, want func(name string) bool) chromedp.Action[int] {
	return func(ctx context.Context, t *chromedp.Target) (int, error) {
		hits, err := find(ctx, t, l)
		if err != nil {
			return 0, err
		}
		var clicked []string
		ids := map[string]string{}
		for _, h := range hits {
			if h.Checked || h.Disabled || !want(h.Name) {
				continue
			}
			p, err := engineCall[point](ctx, t, "point", h.ID)
			if err != nil || p.State != "ok" || checkOrigin(ctx, p.Origin) != nil {
				continue
			}
			if err := press(ctx, t, p); err != nil {
				return len(clicked), err
			}
			clicked = append(clicked, h.Name)
			ids[h.ID] = h.Name
		}
		// A press that missed was stopped, its box left unticked: the
		// wait below does not count on it, the caller sees it unticked.
		var missed *MissedError
		if err := landed(ctx, t); errors.As(err, &missed) {
			for _, id := range missed.IDs {
				clicked = slices.DeleteFunc(clicked, func(n string) bool { return n == ids[id] })
			}
		} else if err != nil {
			return len(clicked), err
		}
		if len(clicked) == 0 {
			return 0, nil
		}
		// A box a long list no longer draws (scrolled out of its window) is
		// not looked at here; the caller checks what the site kept.
		done := When(fmt.Sprintf("%d boxes to show checked", len(clicked)), func(ctx context.Context, t *chromedp.Target) (bool, error) {
			hits, err := find(ctx, t, l)
			if err != nil {
				return false, err
			}
			on := map[string]bool{}
			for _, h := range hits {
				on[h.Name] = h.Checked
			}
			for _, n := range clicked {
				if checked, drawn := on[n]; drawn && !checked {
					return false, nil
				}
			}
			return true, nil
		})
		_, err = WaitAny(done)(ctx, t)
		return len(clicked), err
	}
}

// PressAll clicks, in one look, every match of l whose row (the line,
// card or list item that holds it) passes want, and returns those rows'
// texts: one Add button per wanted scope, without a lookup each.
func PressAll(l Locator, want func(row string) bool) chromedp.Action[[]string] {
	return func(ctx context.Context, t *chromedp.Target) ([]string, error) {
		hits, err := read(ctx, t, l)
		if err != nil {
			return nil, err
		}
		var pressed []string
		rows := map[string]string{}
		for _, h := range hits {
			row := h.Row
			if h.Disabled || !want(row) {
				continue
			}
			p, err := engineCall[point](ctx, t, "point", h.ID)
			if err != nil || p.State != "ok" || checkOrigin(ctx, p.Origin) != nil {
				continue
			}
			if err := press(ctx, t, p); err != nil {
				return pressed, err
			}
			pressed = append(pressed, row)
			rows[h.ID] = row
		}
		// A press that missed was stopped: its row is not counted.
		var missed *MissedError
		if err := landed(ctx, t); errors.As(err, &missed) {
			for _, id := range missed.IDs {
				pressed = slices.DeleteFunc(pressed, func(r string) bool { return r == rows[id] })
			}
		} else if err != nil {
			return pressed, err
		}
		return pressed, nil
	}
}

// Rows returns the text of the row of every match of l now: which scopes
// still show an Add button.
func Rows(l Locator) chromedp.Action[[]string] {
	return func(ctx context.Context, t *chromedp.Target) ([]string, error) {
		hits, err := read(ctx, t, l)
		if err != nil {
			return nil, err
		}
		rows := make([]string, 0, len(hits))
		for _, h := range hits {
			rows = append(rows, h.Row)
		}
		return rows, nil
	}
}
