package automation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// actGroup holds the remote objects an action creates.
const actGroup = "zoomsetup-act"

// call runs fn (a JavaScript function declaration) with this = the element of h.
func call[T any](ctx context.Context, t *chromedp.Target, h Hit, fn string, args ...any) (T, error) {
	var zero T
	obj, err := cdp.Call(ctx, t, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: h.Backend, ObjectGroup: actGroup})
	if err != nil {
		return zero, err
	}
	defer cdp.Call(ctx, t, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: actGroup})
	return chromedp.CallFunctionOn[T](fn, func(p *runtime.CallFunctionOnParams) {
		p.ObjectID = obj.Object.ObjectID
	}, args...)(ctx, t)
}

// visibleJS is true when the element takes space on screen and is not hidden by style.
const visibleJS = `function() {
  const r = this.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return false;
  const s = getComputedStyle(this);
  return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.05;
}`

func visible(ctx context.Context, t *chromedp.Target, h Hit) (bool, error) {
	return call[bool](ctx, t, h, visibleJS)
}

// pointJS scrolls the element into view and returns the point a person would
// click, or what covers it. A control hidden behind its own label (a styled
// checkbox) counts as uncovered when the label is its own.
const pointJS = `function() {
  this.scrollIntoView({block: 'center', inline: 'center'});
  const r = this.getBoundingClientRect();
  const s = getComputedStyle(this);
  if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') return {state: 'hidden'};
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const top = document.elementFromPoint(x, y);
  const own = (e) => e && (e === this || this.contains(e) || (this.labels && [...this.labels].some(l => l.contains(e))));
  if (!own(top)) {
    let label = null;
    if (this.labels && this.labels.length) {
      const lr = this.labels[0].getBoundingClientRect();
      const lx = lr.left + Math.min(lr.width / 2, 12), ly = lr.top + lr.height / 2;
      if (own(document.elementFromPoint(lx, ly))) label = {x: lx, y: ly};
    }
    if (label) return Object.assign({state: 'ok'}, label);
    const d = top ? (top.closest('[role=dialog],[role=alertdialog],dialog,[aria-label]') || top) : null;
    return {state: 'covered', by: d ? (d.getAttribute('aria-label') || d.tagName.toLowerCase() + ' ' + (d.innerText || '').trim().slice(0, 60)) : 'nothing'};
  }
  return {state: 'ok', x, y};
}`

type point struct {
	State string  `json:"state"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	By    string  `json:"by"`
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
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
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
			p, err := call[point](ctx, t, h, pointJS)
			if err != nil {
				continue
			}
			switch p.State {
			case "ok":
				if h.Matched != "" && len(l.Names) > 1 && h.Matched != l.Names[0] {
					env.logf("found %s by its alternative name %q", l, h.Matched)
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
			recoverOnce(ctx, t, &recovered)
		}
		select {
		case <-ctx.Done():
			if why != nil {
				return Hit{}, point{}, fmt.Errorf("%w: %w; the page showed %s", ErrWaited, why, Glimpse(t))
			}
			return Hit{}, point{}, &WaitError{Wanted: []string{l.String()}, Seen: Glimpse(t)}
		case <-tick.C:
		}
	}
}

// dismissOverlays presses the first dismisser that is on screen (a cookie banner's "Decline").
func dismissOverlays(ctx context.Context, t *chromedp.Target, env *Env) {
	for _, d := range env.Dismiss {
		hits, err := find(ctx, t, d)
		if err != nil || len(hits) == 0 {
			continue
		}
		p, err := call[point](ctx, t, hits[0], pointJS)
		if err != nil || p.State != "ok" {
			continue
		}
		env.logf("dismissed an overlay with %s", d)
		_ = clickAt(ctx, t, p)
		return
	}
}

// clickAt presses and releases the left mouse button at p.
func clickAt(ctx context.Context, t *chromedp.Target, p point) error {
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

// Click waits until l is visible, enabled and uncovered, then clicks its middle as a person would.
func Click(l Locator) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, p, err := actionable(ctx, t, l)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, clickAt(ctx, t, p)
	}
}

// Fill replaces the text of the field l with value, typed as input events so
// the page's own handlers see it, then leaves the field so it commits.
func Fill(l Locator, value string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		h, p, err := actionable(ctx, t, l)
		if err != nil {
			return chromedp.Void{}, err
		}
		if err := clickAt(ctx, t, p); err != nil {
			return chromedp.Void{}, err
		}
		if _, err := call[chromedp.Void](ctx, t, h, `function() { this.focus(); if (this.select) this.select(); }`); err != nil {
			return chromedp.Void{}, err
		}
		if _, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: value}); err != nil {
			return chromedp.Void{}, err
		}
		ok, err := call[bool](ctx, t, h, `function(v) { const ok = this.value === v; this.blur(); return ok; }`, value)
		if err != nil {
			return chromedp.Void{}, err
		}
		if !ok {
			return chromedp.Void{}, fmt.Errorf("%s did not take the text typed into it", l)
		}
		return chromedp.Void{}, nil
	}
}

// Value waits for l and returns what a person reads in it: a field's value,
// or an element's text.
func Value(l Locator) chromedp.Action[string] {
	return func(ctx context.Context, t *chromedp.Target) (string, error) {
		if _, err := WaitAny(l)(ctx, t); err != nil {
			return "", err
		}
		return ReadNow(l)(ctx, t)
	}
}

// ReadNow is Value without the wait: "" when l is not there. For use inside conditions.
func ReadNow(l Locator) chromedp.Action[string] {
	return func(ctx context.Context, t *chromedp.Target) (string, error) {
		hits, err := find(ctx, t, l)
		if err != nil || len(hits) == 0 {
			return "", err
		}
		return call[string](ctx, t, hits[0], `function() { return ('value' in this && typeof this.value === 'string') ? this.value : this.innerText; }`)
	}
}

// RowText returns the text of the row, list item or card that holds the
// first match of l: the other columns of an app's line in a list.
func RowText(l Locator) chromedp.Action[string] {
	return func(ctx context.Context, t *chromedp.Target) (string, error) {
		hits, err := find(ctx, t, l)
		if err != nil || len(hits) == 0 {
			return "", err
		}
		return call[string](ctx, t, hits[0], `function() {
		  const row = this.closest('tr, li, [role=row], [role=listitem], article, section') || this.parentElement;
		  return row ? row.innerText : '';
		}`)
	}
}

// Editable reports whether the field l can be typed into now (not read-only, not disabled).
func Editable(l Locator) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		hits, err := find(ctx, t, l)
		if err != nil || len(hits) == 0 {
			return false, err
		}
		return call[bool](ctx, t, hits[0], `function() { return !this.readOnly && !this.disabled; }`)
	}
}

// Find returns every match of l now, without waiting: for reading lists (scopes added, apps).
func Find(l Locator) chromedp.Action[[]Hit] {
	return func(ctx context.Context, t *chromedp.Target) ([]Hit, error) {
		return find(ctx, t, l)
	}
}

// SetChecked makes the checkbox l checked (or not), clicking only when it must.
// It reports whether it clicked.
func SetChecked(l Locator, on bool) chromedp.Action[bool] {
	return func(ctx context.Context, t *chromedp.Target) (bool, error) {
		h, p, err := actionable(ctx, t, l)
		if err != nil {
			return false, err
		}
		if h.Checked == on {
			return false, nil
		}
		if err := clickAt(ctx, t, p); err != nil {
			return false, err
		}
		want := "false"
		if on {
			want = "true"
		}
		_, err = WaitAny(checkedState{l, want})(ctx, t)
		return true, err
	}
}

// checkedState holds when the checkbox shows the wanted state.
type checkedState struct {
	l    Locator
	want string
}

func (c checkedState) holds(ctx context.Context, t *chromedp.Target) (bool, error) {
	hits, err := find(ctx, t, c.l)
	if err != nil || len(hits) == 0 {
		return false, err
	}
	return (c.want == "true") == hits[0].Checked, nil
}

func (c checkedState) String() string { return fmt.Sprintf("%s to be checked=%s", c.l, c.want) }

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
		for _, h := range hits {
			if h.Checked || h.Disabled || !want(h.Name) {
				continue
			}
			p, err := call[point](ctx, t, h, pointJS)
			if err != nil || p.State != "ok" {
				continue
			}
			if err := clickAt(ctx, t, p); err != nil {
				return len(clicked), err
			}
			clicked = append(clicked, h.Name)
		}
		if len(clicked) == 0 {
			return 0, nil
		}
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
				if !on[n] {
					return false, nil
				}
			}
			return true, nil
		})
		_, err = WaitAny(done)(ctx, t)
		return len(clicked), err
	}
}
