package automation

import (
	"context"
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
		enter := func() (chromedp.Void, error) {
			if _, err := Click(item)(ctx, t); err != nil {
				return chromedp.Void{}, err
			}
			_, err := WaitAny(arrived)(ctx, t)
			return chromedp.Void{}, err
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
			switch i {
			case 0:
				return chromedp.Void{}, nil
			case 1:
				return enter()
			}
			for _, m := range menus {
				hits, err := find(ctx, t, m)
				if err != nil {
					return chromedp.Void{}, err
				}
				if len(hits) == 0 {
					continue
				}
				if hits[0].Expanded == "" {
					if _, err := Hover(m)(ctx, t); err != nil {
						return chromedp.Void{}, err
					}
					if i, err = Glance(hoverOpens, arrived, item)(ctx, t); err != nil {
						return chromedp.Void{}, err
					}
					switch i {
					case 0:
						return chromedp.Void{}, nil
					case 1:
						return enter()
					}
				}
				if hits[0].Expanded == "true" {
					continue // open already, and item is not in it
				}
				if _, err := Click(m)(ctx, t); err != nil {
					return chromedp.Void{}, err
				}
				if i, err = Glance(clickOpens, arrived, item)(ctx, t); err != nil {
					return chromedp.Void{}, err
				}
				switch i {
				case 0:
					return chromedp.Void{}, nil
				case 1:
					return enter()
				}
			}
		}
		_, err := WaitAny(arrived, item)(ctx, t)
		return chromedp.Void{}, err
	}
}
