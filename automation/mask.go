package automation

import (
	"context"
	"encoding/json"

	"github.com/chromedp/chromedp"
)

// Rect is a box on the page in CSS pixels; masks are recorded as rects so a
// test can check the pixels under them without knowing the secret.
type Rect struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// MaskColor is the fill of a mask box (#1f2937), solid so it can be checked pixel by pixel.
var MaskColor = [3]uint8{0x1f, 0x29, 0x37}

// maskJS draws solid boxes over given elements and over every text or field
// value containing one of the given strings, in a layer above the page that
// takes no clicks. It returns the boxes drawn.
const maskJS = `function(rects, values) {
  const layer = document.createElement('div');
  layer.setAttribute('data-zoomsetup-mask', '');
  layer.setAttribute('aria-hidden', 'true');
  layer.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none';
  const boxes = [];
  const box = (r) => {
    if (r.width <= 0 || r.height <= 0) return;
    const b = document.createElement('div');
    const x = Math.floor(r.left) - 2, y = Math.floor(r.top) - 2, w = Math.ceil(r.width) + 4, h = Math.ceil(r.height) + 4;
    b.style.cssText = 'position:fixed;background:rgb(31,41,55);left:' + x + 'px;top:' + y + 'px;width:' + w + 'px;height:' + h + 'px';
    layer.appendChild(b);
    boxes.push({x, y, w, h});
  };
  for (const r of rects || []) box({left: r.x, top: r.y, width: r.w, height: r.h});
  const vals = (values || []).filter(v => v && v.length >= 4);
  // The document and every shadow root on it (closed ones as the page hook saw them).
  const closed = new Map((globalThis[Symbol.for('zoomsetup.shadows')] || []).map(r => [r.host, r]));
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const e of roots[i].querySelectorAll('*')) { const sr = e.shadowRoot || closed.get(e); if (sr) roots.push(sr); }
  }
  if (vals.length) for (const root of roots) {
    for (const f of root.querySelectorAll('input,textarea')) {
      if (vals.some(v => (f.value || '').includes(v))) box(f.getBoundingClientRect());
    }
    const walk = document.createTreeWalker(root === document ? (document.body || document.documentElement) : root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const v of vals) {
        let i = n.data.indexOf(v);
        while (i >= 0) {
          const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + v.length);
          for (const cr of r.getClientRects()) box(cr);
          i = n.data.indexOf(v, i + v.length);
        }
      }
    }
  }
  document.documentElement.appendChild(layer);
  return boxes;
}`

// unmaskJS removes the mask layers.
const unmaskJS = `document.querySelectorAll('[data-zoomsetup-mask]').forEach(e => e.remove())`

// Mask hides the elements that locs find and every occurrence of values,
// until Unmask. It returns the boxes it drew.
func Mask(locs []Locator, values []string) chromedp.Action[[]Rect] {
	return func(ctx context.Context, t *chromedp.Target) ([]Rect, error) {
		rects := []Rect{}
		for _, l := range locs {
			hits, err := find(ctx, t, l)
			if err != nil {
				return nil, err
			}
			for _, h := range hits {
				r, err := engineCall[Rect](ctx, t, "rect", h.ID)
				if err != nil {
					return nil, err
				}
				rects = append(rects, r)
			}
		}
		if values == nil {
			values = []string{}
		}
		r, err := json.Marshal(rects)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(values)
		if err != nil {
			return nil, err
		}
		return chromedp.Evaluate[[]Rect]("("+maskJS+")("+string(r)+","+string(v)+")")(ctx, t)
	}
}

// Unmask removes what Mask drew.
func Unmask() chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](unmaskJS)
}
