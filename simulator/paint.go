package simulator

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"strings"
)

// SecretColor is the sentinel colour Options.PaintSecrets gives every
// element that shows a secret: no page uses it, so a picture that holds it
// shows a secret, whatever the tool says it masked.
var SecretColor = [3]uint8{0xff, 0x00, 0xff}

// paintRule paints [data-sim-secret] in SecretColor. The background is
// clipped to the content box (the text itself, for an inline element), so
// a box drawn over the text hides all of it, and none of the padding
// around it counts.
var paintRule = fmt.Sprintf(`[data-sim-secret]{`+
	`color:#%[1]s!important;-webkit-text-fill-color:#%[1]s!important;`+
	`background:#%[1]s!important;background-clip:content-box!important;text-shadow:none!important}`,
	fmt.Sprintf("%02x%02x%02x", SecretColor[0], SecretColor[1], SecretColor[2]))

// paintStyle is paintRule for the page, and for every shadow root its
// components attach (a document's style does not reach into them): the
// rule is adopted by each root, so it stays when the component writes its
// markup over the root's content.
var paintStyle = `<style data-sim-paint>` + paintRule + `</style>` +
	`<script data-sim-paint>(() => { const attach = Element.prototype.attachShadow; ` +
	`Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); ` +
	`try { const sheet = new CSSStyleSheet(); sheet.replaceSync(` + "`" + paintRule + "`" + `); ` +
	`root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]; } catch (e) {} return root; }; })();</script>`

// painted serves h with paintStyle added to every HTML page it sends, of
// any rendering, when Options.PaintSecrets asks for it.
func (s *Sim) painted(h http.Handler) http.Handler {
	if !s.opts.PaintSecrets {
		return h
	}
	html := func(ct string) bool { return strings.HasPrefix(ct, "text/html") }
	return rewriting(h, html, withStyle)
}

// withStyle puts paintStyle at the end of the page's head, where it wins
// over the page's own style sheets, or first when the page has no head.
func withStyle(page []byte) []byte {
	if i := bytes.Index(bytes.ToLower(page), []byte("</head>")); i >= 0 {
		return append(append(append([]byte{}, page[:i]...), paintStyle...), page[i:]...)
	}
	return append([]byte(paintStyle), page...)
}

// SecretPixels counts the pixels of a PNG in SecretColor: more than none
// means a picture shows a secret that a page marked (Options.PaintSecrets).
func SecretPixels(r io.Reader) (int, error) {
	img, err := png.Decode(r)
	if err != nil {
		return 0, err
	}
	return countColor(img, SecretColor), nil
}

// countColor counts the pixels of img that are exactly c.
func countColor(img image.Image, c [3]uint8) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if uint8(r>>8) == c[0] && uint8(g>>8) == c[1] && uint8(bl>>8) == c[2] {
				n++
			}
		}
	}
	return n
}
