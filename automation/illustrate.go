package automation

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Illustrator takes the setup guide's pictures in documentation mode: just
// before a person's action, with the element they act on outlined in the
// page and secrets and identifiers masked. An image on disk is rewritten only
// when the new one differs by more than Threshold of its pixels, so
// regenerating the guide changes only what really changed.
type Illustrator struct {
	Dir       string   // images folder
	Hide      []string // values to mask besides the session's secrets: account id, client id
	Threshold float64  // share of pixels that may differ before an image counts as changed
	DryRun    bool     // compare only; write nothing (for --check)

	mu      sync.Mutex
	Shots   []Illustration
	Changed []string
}

// Illustration is one picture of the guide and where its outline was drawn.
type Illustration struct {
	Name    string `json:"name"`
	File    string `json:"file"`
	Target  []Rect `json:"target"`  // the acted-on elements' boxes at capture time
	Outline []Rect `json:"outline"` // the boxes drawn around them, read back from the page
}

// outlineJS draws a clear box around each rect, in a layer above the page,
// and returns the boxes as the page lays them out.
const outlineJS = `function(rects) {
  const layer = document.createElement('div');
  layer.setAttribute('data-zoomsetup-mask', '');
  layer.setAttribute('aria-hidden', 'true');
  layer.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;z-index:2147483646;pointer-events:none';
  const out = [];
  for (const r of rects) {
    const b = document.createElement('div');
    b.style.cssText = 'position:fixed;box-sizing:border-box;border:3px solid #e8590c;border-radius:6px;box-shadow:0 0 0 3px rgba(232,89,12,.25);' +
      'left:' + (r.x - 5) + 'px;top:' + (r.y - 5) + 'px;width:' + (r.w + 10) + 'px;height:' + (r.h + 10) + 'px';
    layer.appendChild(b);
  }
  document.documentElement.appendChild(layer);
  for (const b of layer.children) { const r = b.getBoundingClientRect(); out.push({x: r.left, y: r.top, w: r.width, h: r.height}); }
  return out;
}`

// HideInPictures masks values (the account id, the client id) in the guide's
// pictures; run screenshots keep them, as they are not secrets.
func (s *Session) HideInPictures(values ...string) {
	if s.Illustrator == nil {
		return
	}
	s.Illustrator.mu.Lock()
	defer s.Illustrator.mu.Unlock()
	s.Illustrator.Hide = append(s.Illustrator.Hide, values...)
}

// Illustrate takes the guide picture name with target outlined. Outside
// documentation mode (no Illustrator) it does nothing.
func (s *Session) Illustrate(ctx context.Context, name string, target Locator, mask ...Locator) error {
	if s.Illustrator == nil {
		return nil
	}
	return s.Illustrator.shoot(ctx, s, name, target, mask)
}

func (il *Illustrator) shoot(ctx context.Context, s *Session, name string, target Locator, mask []Locator) error {
	if _, err := chromedp.Run(ctx, WaitAny(target)); err != nil {
		return fmt.Errorf("illustrate %s: %w", name, err)
	}
	hits, err := chromedp.Run(ctx, Find(target))
	if err != nil {
		return err
	}
	// Scroll once, to the first target, then read every box: scrolling per
	// target would leave the earlier boxes stale.
	block := "nearest"
	if len(hits) > 1 {
		block = "start"
	}
	var targets []Rect
	for i, h := range hits {
		r, err := chromedp.Run(ctx, chromedp.Action[Rect](func(ctx context.Context, t *chromedp.Target) (Rect, error) {
			if i == 0 {
				if _, err := engineCall[bool](ctx, t, "scroll", h.ID, block); err != nil {
					return Rect{}, err
				}
			}
			return engineCall[Rect](ctx, t, "shownRect", h.ID)
		}))
		if err != nil {
			return err
		}
		if r.W > 0 && r.H > 0 {
			targets = append(targets, r)
		}
	}
	// The pointer rests off the page, so no hover style depends on the last click.
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, -10, -10)); err != nil {
		return err
	}
	il.mu.Lock()
	values := append(s.Secrets.Values(), il.Hide...)
	il.mu.Unlock()
	mask = append(mask[:len(mask):len(mask)], s.Hidden...)
	if _, err := chromedp.Run(ctx, Mask(mask, values)); err != nil {
		return err
	}
	defer chromedp.Do(ctx, Unmask())
	rb, err := json.Marshal(targets)
	if err != nil {
		return err
	}
	outline, err := chromedp.Run(ctx, chromedp.Evaluate[[]Rect]("("+outlineJS+")("+string(rb)+")"))
	if err != nil {
		return err
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return err
	}
	file := name + ".png"
	changed, err := il.store(filepath.Join(il.Dir, file), shot)
	if err != nil {
		return err
	}
	il.mu.Lock()
	defer il.mu.Unlock()
	il.Shots = append(il.Shots, Illustration{Name: name, File: file, Target: targets, Outline: outline})
	if changed {
		il.Changed = append(il.Changed, file)
	}
	return nil
}

// store writes png to path unless the image there is the same within the threshold; it reports a change.
func (il *Illustrator) store(path string, shot []byte) (bool, error) {
	if old, err := os.ReadFile(path); err == nil {
		same, err := Similar(old, shot, il.Threshold)
		if err == nil && same {
			return false, nil
		}
	}
	if il.DryRun {
		return true, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	return true, os.WriteFile(path, shot, 0o644)
}

// Similar reports whether two PNGs have the same size and differ in at most
// threshold of their pixels (a channel counts as different beyond 8 of 255).
func Similar(a, b []byte, threshold float64) (bool, error) {
	if bytes.Equal(a, b) {
		return true, nil
	}
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return false, err
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return false, err
	}
	if ia.Bounds() != ib.Bounds() {
		return false, nil
	}
	return diffShare(ia, ib) <= threshold, nil
}

func diffShare(a, b image.Image) float64 {
	r := a.Bounds()
	diff := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) {
				diff++
			}
		}
	}
	return float64(diff) / float64(r.Dx()*r.Dy())
}

func far(a, b uint32) bool {
	d := int(a>>8) - int(b>>8)
	return d > 8 || d < -8
}
