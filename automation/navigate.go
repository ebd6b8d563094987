package automation

import (
	"context"
	"sort"
	"time"

	"github.com/chromedp/chromedp"
)

// How long a menu gets to open: on hover (a short delay is common) and on a click.
const (
	hoverOpens = 400 * time.Millisecond
	clickOpens = 2 * time.Second
)

// Reach gets to the page or dialog that arrived describes, the way a person
// finds an entry in a site's navigation: item if it shows, else through each
// of menus in turn. A menu that says it is one (aria-expanded) is clicked;
// another is hovered first (menus that open on hover) and clicked when
// hovering showed nothing (menus that open on a click, entries that lead
// straight to the page). It returns once arrived holds.
func Reach(item Locator, arrived Condition, menus ...Locator) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		// over says whether the way has ended after the page showed cond
		// i: arrived (0), or the item to click and arrive by (1).
		over := func(i int) (bool, error) {
			switch i {
			case 0:
				return true, nil
			case 1:
				if _, err := Click(item)(ctx, t); err != nil {
					return true, err
				}
				_, err := WaitAny(arrived)(ctx, t)
				return true, err
			}
			return false, nil
		}
		// opened glances, for a menu's time to open, whether it showed the way.
		opened := func(d time.Duration) (bool, error) {
			i, err := Glance(d, arrived, item)(ctx, t)
			if err != nil {
				return true, err
			}
			return over(i)
		}
		conds := []Condition{arrived, item}
		for _, m := range menus {
			conds = append(conds, m)
		}
		for round := 0; round < 3; round++ {
			// The page shows the way on, or the place itself, once it has rendered.
			i, err := WaitAny(conds...)(ctx, t)
			if err != nil {
				return chromedp.Void{}, err
			}
			if done, err := over(i); done {
				return chromedp.Void{}, err
			}
			// Hover first, everything that may open on hover; then click,
			// menus that say they are menus first and links (which may
			// lead elsewhere) last.
			var present []menu
			for _, m := range menus {
				hits, err := find(ctx, t, m)
				if err != nil {
					return chromedp.Void{}, err
				}
				if len(hits) > 0 && hits[0].Expanded != "true" {
					present = append(present, menu{m, hits[0]})
				}
			}
			for _, m := range present {
				if m.hit.Expanded != "" {
					continue
				}
				if _, err := Hover(m.l)(ctx, t); err != nil {
					return chromedp.Void{}, err
				}
				if done, err := opened(hoverOpens); done {
					return chromedp.Void{}, err
				}
			}
			sort.SliceStable(present, func(i, j int) bool { return present[i].rank() < present[j].rank() })
			for _, m := range present {
				if _, err := Click(m.l)(ctx, t); err != nil {
					return chromedp.Void{}, err
				}
				if done, err := opened(clickOpens); done {
					return chromedp.Void{}, err
				}
			}
		}
		_, err := WaitAny(arrived, item)(ctx, t)
		return chromedp.Void{}, err
	}
}

// menu is a way into a site's navigation as the page shows it.
type menu struct {
	l   Locator
	hit Hit
}

// rank orders menus for clicking: one that says it opens (aria-expanded)
// first, then other controls, then links, which may lead elsewhere.
func (m menu) rank() int {
	switch {
	case m.hit.Expanded != "":
		return 0
	case m.hit.Role != "link":
		return 1
	}
	return 2
}
